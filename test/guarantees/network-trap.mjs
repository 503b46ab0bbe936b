// Preloaded by the no-network test: any attempt to reach the network throws and fails the run.
import dns from 'node:dns';
import net from 'node:net';
import { isMainThread } from 'node:worker_threads';

const trap = (what) => () => {
  throw new Error(`network use: ${what}`);
};
net.Socket.prototype.connect = trap('net.Socket.connect');
net.createConnection = trap('net.createConnection');
net.connect = trap('net.connect');
dns.lookup = trap('dns.lookup');
dns.resolve = trap('dns.resolve');
globalThis.fetch = trap('fetch');
if (isMainThread) process.env.CTD_NETWORK_TRAP = '1';
