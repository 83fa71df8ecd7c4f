// Prints N loopback ports nothing listens on now, all held at once so none repeats.
// Below 32768: the server stores membership ports as PostgreSQL smallint (ephemeral ports overflow it).
import net from 'node:net';

const held = [];
const holdOne = () =>
  new Promise((resolve) => {
    const server = net.createServer().once('error', () => resolve(holdOne()));
    server.listen(20000 + Math.floor(Math.random() * 12000), '127.0.0.1', () => {
      held.push(server);
      resolve();
    });
  });

for (let i = 0; i < Number(process.argv[2]); i++) await holdOne();
console.log(held.map((s) => s.address().port).join(' '));
held.forEach((s) => s.close());
