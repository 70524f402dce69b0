<#-- The newest live publications of the block's themes and territories (LiveBlocks), then the catalogue filtered the same way. -->
<#import "publications.ftl" as pubs>
<section class="fr-my-3w">
  <h2>${component.title?has_content?then(component.title, i18n("minisites.publications.title"))}</h2>
  <#if (component.publications![])?has_content>
  <@pubs.list publications=component.publications headingLevel=3 showSummary=false/>
  <#else>
  <p>${i18n("minisites.publications.none")}</p>
  </#if>
  <#assign query><#list component.themes as theme>theme=${theme?url}&amp;</#list><#list component.territories as territory>territory=${territory.key?url}&amp;</#list></#assign>
  <p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/publications?${query?no_esc}">${i18n("minisites.publications.link")}</a></p>
</section>
