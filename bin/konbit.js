#!/usr/bin/env node
// Konbit's command line. The source is TypeScript, run through tsx's loader so
// that `npx konbit` works straight after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
