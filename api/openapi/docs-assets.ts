// The files /docs needs, served by the API itself from the installed swagger-ui-dist
// package (the docs work offline and behind a CSP that forbids third-party hosts).
// The route and the OpenAPI document both read this table, so they cannot disagree.
import path from 'node:path';

export const DOCS_ASSET_PREFIX = '/docs/assets';

export interface DocsAsset {
  contentType: string;
  /** A file of swagger-ui-dist, or the page's own start-up script kept in memory. */
  file?: string;
  text?: string;
}

const swaggerUiDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));

// A separate script, not inline, so a strict Content-Security-Policy can allow 'self' only.
// validatorUrl: null keeps Swagger UI from sending the document to an outside validator.
const START_UP = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;

export const DOCS_ASSETS: Record<string, DocsAsset> = {
  'swagger-ui.css': { contentType: 'text/css; charset=utf-8', file: path.join(swaggerUiDir, 'swagger-ui.css') },
  'swagger-ui-bundle.js': { contentType: 'text/javascript; charset=utf-8', file: path.join(swaggerUiDir, 'swagger-ui-bundle.js') },
  'favicon-32x32.png': { contentType: 'image/png', file: path.join(swaggerUiDir, 'favicon-32x32.png') },
  'casekeeper-docs.js': { contentType: 'text/javascript; charset=utf-8', text: START_UP },
};

export const DOCS_ASSET_NAMES = Object.keys(DOCS_ASSETS) as [string, ...string[]];
