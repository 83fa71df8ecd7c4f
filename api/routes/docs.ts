// Public documentation: the OpenAPI document at /openapi.json and Swagger UI at /docs,
// with every script and style sheet served from here (no CDN, works offline).
import { Router } from 'express';
import { DOCS_ASSET_PREFIX, DOCS_ASSETS } from '../openapi/docs-assets';
import { openApiDocument } from '../openapi/document';
import { notFound } from '../problem';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Casekeeper API</title>
  <link rel="icon" type="image/png" href="${DOCS_ASSET_PREFIX}/favicon-32x32.png">
  <link rel="stylesheet" href="${DOCS_ASSET_PREFIX}/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <noscript>This page renders <a href="/openapi.json">/openapi.json</a>; read that directly without JavaScript.</noscript>
  <script src="${DOCS_ASSET_PREFIX}/swagger-ui-bundle.js"></script>
  <script src="${DOCS_ASSET_PREFIX}/casekeeper-docs.js"></script>
</body>
</html>
`;

export function docsRouter(): Router {
  const r = Router();
  const document = JSON.stringify(openApiDocument());

  r.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(document);
  });
  r.get('/docs', (_req, res) => {
    res.type('text/html; charset=utf-8').send(PAGE);
  });
  // Whoever opens the API's address in a browser lands on its documentation.
  r.get('/', (_req, res) => {
    res.redirect(302, '/docs');
  });
  r.get(`${DOCS_ASSET_PREFIX}/:file`, (req, res, next) => {
    // Only the named files: the parameter never becomes a path on disk.
    const asset = Object.hasOwn(DOCS_ASSETS, req.params.file) ? DOCS_ASSETS[req.params.file] : undefined;
    if (!asset) return next(notFound(`no docs asset ${req.params.file}`));
    res.type(asset.contentType).set('cache-control', 'public, max-age=3600');
    if (asset.text !== undefined) return void res.send(asset.text);
    // After the headers went out (a client that hung up mid-file) there is nothing left to answer.
    res.sendFile(asset.file!, (err) => {
      if (err && !res.headersSent) next(err);
    });
  });
  return r;
}
