// Preloaded into a CLI child (NODE_OPTIONS=--import) to prove what it connects to: every TCP connection
// attempt is appended to $NET_SPY_LOG as a JSON line, and any that would leave this machine is blocked.
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const log = process.env.NET_SPY_LOG;
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/i;
const connect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function spiedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : 'localhost' };
  if (options.path) return connect.apply(this, args);
  const host = String(options.host ?? 'localhost').replace(/^\[|\]$/g, '');
  const blocked = !LOOPBACK.test(host);
  if (log) appendFileSync(log, `${JSON.stringify({ host, port: Number(options.port), blocked })}\n`);
  if (blocked) {
    process.nextTick(() => this.destroy(Object.assign(new Error(`net spy: blocked a connection to ${host}`), { code: 'ECONNREFUSED' })));
    return this;
  }
  return connect.apply(this, args);
};
