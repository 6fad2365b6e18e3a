// A line-protocol client: connect and wait for the greeting. A host that
// accepts the SYN and then says nothing leaves the promise pending forever.
import net from 'node:net';

export function greet(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port }); // expect-report
    socket.once('data', (data) => {
      resolve(data.toString());
      socket.end();
    });
    socket.once('error', reject);
  });
}
