// Prints its argument and the variable the test hands it through the environment, then exits with code 3.
process.stdout.write(`${process.argv[2]} ${process.env.T3_TEST_GREETING}\n`);
process.exitCode = 3;
