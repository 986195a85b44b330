-- Every account starts with the "Fleet" dashboard: new accounts get it when they are created
-- (lib/services/fleet-dashboard.ts), and accounts made before dashboards existed get it here. A unit test holds
-- this JSON equal to that definition.
-- IDs: 26 random hex digits, in the alphabet of lib/ids.ts. Dates: UTC in a timestamp(3), as Prisma keeps them.
INSERT INTO "Dashboard" ("id", "accountId", "name", "range", "widgets", "created", "updated")
SELECT upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 26)), "Account"."id", 'Fleet',
'{"period":86400,"refresh":60,"timezone":"local"}',
'[
  {"id":"temperature-now","type":"numeric","title":"Temperature","top":0,"left":0,"width":3,"height":3,"namespace":"Embedthis/Device","metric":"temperature","dimensions":[{"Device":"${device}"}],"statistic":"current","units":"°C"},
  {"id":"battery-gauge","type":"gauge","title":"Battery","top":0,"left":3,"width":3,"height":3,"namespace":"Embedthis/Device","metric":"battery","dimensions":[{"Device":"${device}"}],"statistic":"current","units":"%","min":0,"max":100},
  {"id":"how-to","type":"text","title":"Make it yours","top":0,"left":6,"width":6,"height":3,"namespace":"Embedthis/Device","dimensions":[{}],"statistic":"avg","units":"","text":"Pick a device at the top to show its metrics. To add a widget, switch to edit mode and add one: choose its type, a metric from the list and the devices whose series it draws. In edit mode, drag a widget to move it and drag its corner to resize it, or use the keyboard. Saving keeps the layout for everyone in the account. A device dimension of ${device} follows the device picked on the page."},
  {"id":"temperature-graph","type":"graph","title":"Temperature","top":3,"left":0,"width":6,"height":5,"namespace":"Embedthis/Device","metric":"temperature","dimensions":[{"Device":"${device}"}],"statistic":"avg","units":"°C"},
  {"id":"cpu-graph","type":"graph","title":"CPU","top":3,"left":6,"width":6,"height":5,"namespace":"Embedthis/Device","metric":"cpu","dimensions":[{"Device":"${device}"}],"statistic":"avg","units":"%"},
  {"id":"memory-graph","type":"graph","title":"Memory","top":8,"left":0,"width":6,"height":5,"namespace":"Embedthis/Device","metric":"memory","dimensions":[{"Device":"${device}"}],"statistic":"avg","units":"%"},
  {"id":"battery-graph","type":"graph","title":"Battery","top":8,"left":6,"width":6,"height":5,"namespace":"Embedthis/Device","metric":"battery","dimensions":[{"Device":"${device}"}],"statistic":"avg","units":"%"},
  {"id":"temperature-table","type":"table","title":"Temperature across the fleet","top":13,"left":0,"width":6,"height":4,"namespace":"Embedthis/Device","metric":"temperature","dimensions":[{"Device":"*"}],"statistic":"current","units":"°C"},
  {"id":"alerts","type":"alerts","title":"Alerts","top":13,"left":6,"width":6,"height":4,"namespace":"Embedthis/Device","dimensions":[{}],"statistic":"avg","units":""}
]',
(now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
FROM "Account"
WHERE NOT EXISTS (SELECT 1 FROM "Dashboard" WHERE "Dashboard"."accountId" = "Account"."id");
