<#-- The alerts in force on the block's territories, most severe first (LiveBlocks), then the RSS feed. -->
<section class="fr-my-3w">
  <h2>${component.title?has_content?then(component.title, i18n("minisites.alerts.title"))}</h2>
  <#list component.alerts![] as alert>
  <div class="fr-alert fr-alert--<#if (alert.severity!'') == 'alert'>error<#elseif (alert.severity!'') == 'warning'>warning<#else>info</#if> fr-mb-3w">
    <h3 class="fr-alert__title">${alert.title}</h3>
    <#-- rich text, sanitised when saved by the authoring API -->
    <div>${(alert.message!"")?no_esc}</div>
    <#if alert.link?has_content><p><a href="${alert.link}">${i18n("site.editorial.more")}</a></p></#if>
  </div>
  <#else>
  <p>${i18n("minisites.alerts.none")}</p>
  </#list>
  <p><a class="fr-link" href="/.rest/open-collectivites/v1/editorial/alerts.rss">${i18n("minisites.alerts.feed")}</a></p>
</section>
