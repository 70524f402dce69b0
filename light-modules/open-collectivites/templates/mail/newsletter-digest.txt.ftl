Bonjour,

<#if count == 1>Une nouvelle publication<#else>${count} nouvelles publications</#if> sur les territoires et thématiques que vous suivez :

<#list items as item>
- ${item.title} (${item.dateText})
  ${item.link}
</#list>

Pour ne plus recevoir ces messages : ${unsubscribeUrl}

L'équipe Open Collectivités (ANCT)
