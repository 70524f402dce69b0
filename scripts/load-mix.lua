-- wrk script: a realistic read mix on the demo dataset (or national data), what citizens and
-- re-users do on a publication day:
--   35 % autocomplete search, 20 % fiche JSON (fiche API), 20 % fiche pages (HTML),
--   10 % publications (catalogue API and pages), 10 % delivery API (items and queries),
--    5 % former-code and short fiche URLs (301).
-- Answers other than 2xx/3xx are counted by wrk as errors.
local searches = {"p", "pa", "paris", "st%20etienne", "saint-etienne", "firm", "42218", "75056", "rive",
  "chambon", "roche", "andrezieux", "244200770", "paris%2015", "sai"}
local fiches = {"commune/42218", "commune/42005", "commune/75056", "commune/75115", "epci/244200770",
  "departement/42", "departement/75", "region/84", "region/11"}
local pages = {"/communes/42218-saint-etienne", "/communes/42005-andrezieux-boutheon", "/communes/75056-paris",
  "/communes/75115-paris-15e-arrondissement", "/epci/244200770-saint-etienne-metropole", "/departements/42-loire",
  "/regions/84-auvergne-rhone-alpes"}
local publications = {"/.rest/open-collectivites/v1/publications?limit=10",
  "/.rest/open-collectivites/v1/publications?territoire=departement:42", "/.rest/open-collectivites/v1/publications?q=population",
  "/publications", "/publications?theme=finances-locales"}
local delivery = {"communes/42/42218", "communes/75/75056", "communes?departement=42&limit=20",
  "communes?communeParente=75056&typecom=ARM&limit=50", "regions", "departements"}
local redirects = {"/communes/42218", "/.rest/open-collectivites/v1/communes/42190", "/regions/84"}
local i = 0
local function pick(list)
  return list[(i % #list) + 1]
end
request = function()
  i = i + 1
  local r = i % 20
  if r < 7 then
    return wrk.format("GET", "/.rest/open-collectivites/v1/search?q=" .. pick(searches))
  elseif r < 11 then
    return wrk.format("GET", "/.rest/open-collectivites/v1/fiches/" .. pick(fiches))
  elseif r < 15 then
    return wrk.format("GET", pick(pages))
  elseif r < 17 then
    return wrk.format("GET", pick(publications))
  elseif r < 19 then
    return wrk.format("GET", "/.rest/delivery/" .. pick(delivery))
  else
    return wrk.format("GET", pick(redirects))
  end
end
