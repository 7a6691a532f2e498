// Preloaded into the bundled server by security.test.ts (`node --require`): each way out
// to the network records the attempt on stderr, then throws, so none gets through and the
// test sees every one. A first line says the guard is on.
'use strict';
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const net = require('node:net');
const tls = require('node:tls');
const { inspect } = require('node:util');

function refused(what) {
  return function refuse(target) {
    process.stderr.write(`NETWORK ${what} ${inspect(target, { depth: 1, breakLength: Infinity })}\n`);
    throw new Error(`${what}: no network in this test`);
  };
}

// Every TCP connection, and so http(s), undici's fetch and tls over it, calls this.
net.Socket.prototype.connect = refused('net.Socket.connect');
tls.connect = refused('tls.connect');
http.request = refused('http.request');
http.get = refused('http.get');
https.request = refused('https.request');
https.get = refused('https.get');
dns.lookup = refused('dns.lookup');
dns.promises.lookup = refused('dns.promises.lookup');
process.stderr.write('NETWORK GUARD ON\n');
