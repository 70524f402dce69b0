-- wrk script: a realistic read mix on the demo dataset (or national data): 50 % autocomplete search,
-- 35 % delivery of a commune (the fiche's data until the fiche API lands), 10 % delivery queries,
-- 5 % former-code lookups (301). Answers other than 2xx/3xx are counted by wrk as errors.
local searches = {"p", "pa", "paris", "st%20etienne", "saint-etienne", "firm", "42218", "75056", "rive",
  "chambon", "roche", "andrezieux", "244200770", "paris%2015", "sai"}
local communes = {"42/42005", "42/42044", "42/42095", "42/42186", "42/42189", "42/42207", "42/42218",
  "75/75056", "75/75101", "75/75115", "75/75120"}
local queries = {"communes?departement=42&limit=20", "communes?communeParente=75056&typecom=ARM&limit=50",
  "communes?orderBy=nom%20asc&limit=10", "regions", "departements"}
local i = 0
request = function()
  i = i + 1
  local r = i % 20
  if r < 10 then
    return wrk.format("GET", "/.rest/open-collectivites/v1/search?q=" .. searches[(i % #searches) + 1])
  elseif r < 17 then
    return wrk.format("GET", "/.rest/delivery/communes/" .. communes[(i % #communes) + 1])
  elseif r < 19 then
    return wrk.format("GET", "/.rest/delivery/" .. queries[(i % #queries) + 1])
  else
    return wrk.format("GET", "/.rest/open-collectivites/v1/communes/42190")
  end
end
