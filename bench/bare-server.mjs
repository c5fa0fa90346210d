/**
 * The baseline: an express 5 app that parses JSON and answers 200 without storing anything. Configured as the
 * console's listener is (no ETag, no X-Powered-By), so the difference measured is the console's own work.
 */
import console from 'node:console';
import process from 'node:process';
import express from 'express';

const PATH = '/ixla/aida/v1/webhooks';

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
// Any content type, as the console reads any: the bench sends application/json anyway.
app.post(PATH, express.json({ limit: '1mb', type: () => true }), (req, res) => {
  res.status(200).json({ received: true });
});

const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`Webhook URL: http://127.0.0.1:${address.port}${PATH}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
