// The only import of the classifier from render/: the real guidance table, used when RenderOptions
// carries no `guide` of its own.
import { guidanceFor } from '../classify/index.js';
import type { Guide } from './options.js';

export const defaultGuide: Guide = (key) => guidanceFor(key);
