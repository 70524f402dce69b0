-- wrk script: rotates over typical autocomplete queries (one-letter, prefix, folded, codes, SIREN).
local queries = {"p", "pa", "paris", "st%20etienne", "saint-etienne", "mars", "lyon", "2A004", "13055",
  "244200770", "moutiers", "y", "villeneuve", "bord", "17352", "sainte%20marie"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/.rest/open-collectivites/v1/search?q=" .. queries[(i % #queries) + 1])
end
