<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Nouvelles publications</title></head>
<body>
<p>Bonjour,</p>
<p><#if count == 1>Une nouvelle publication<#else>${count} nouvelles publications</#if> sur les territoires et thématiques que vous suivez :</p>
<ul>
<#list items as item>
  <li><a href="${item.link}">${item.title}</a> (${item.dateText})</li>
</#list>
</ul>
<p><a href="${unsubscribeUrl}">Se désabonner</a></p>
<p>L'équipe Open Collectivités (ANCT)</p>
</body>
</html>
