/** Every rule, alphabetical. */
import noFloatingPromise from './no-floating-promise.js';

export const rules = {
  'no-floating-promise': noFloatingPromise,
};
