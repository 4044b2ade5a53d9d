// Never ends on its own: NodeProjectTest checks that a script past its time is killed.
setInterval(() => {}, 1000);
