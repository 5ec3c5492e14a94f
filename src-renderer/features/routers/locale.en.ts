/** English strings of the routers area: list, form, diagnosis, bootstrap script, alerts, downtime, dashboard shell. */
export const routersEn = {};
