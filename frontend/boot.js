// Loads the Leptos app. Kept in its own file because the Content Security
// Policy allows no inline scripts.
import init from './pkg/frontend.js';
init();
