/** English strings of the router dashboard tabs owned by this folder. */
export const routerTabsEn = {};
