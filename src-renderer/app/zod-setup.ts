import { z } from 'zod';

// Imported first by main.tsx, before any module builds a schema: the page's CSP has no 'unsafe-eval', and
// without this zod probes `new Function` while building schemas and the browser logs a CSP violation.
z.config({ jitless: true });
