<#import "../site/layout.ftl" as layout>
<#-- One publication. `summary` is HTML the harvester sanitised before storing it, hence ?no_esc. -->
<#assign p = publication>
<@layout.page title=p.title description=i18n("site.publication.description", p.title) canonical="/publications/" + p.code ogType="article">
<div class="fr-container fr-my-5w">
  <@layout.breadcrumb crumbs=[[i18n("site.publications.title"), "/publications"], [p.title, "/publications/" + p.code]]/>
  <#if p.documentType??><p class="fr-badge fr-badge--blue-france">${p.documentType}</p></#if>
  <h1 class="fr-mt-1w">${p.title}</h1>
  <dl class="oc-facts">
    <#if p.dateLabel??><dt>${i18n("site.publication.date")}</dt><dd><time datetime="${p.date}">${p.dateLabel}</time></dd></#if>
    <#if p.publisher??><dt>${i18n("site.publication.publisher")}</dt><dd>${p.publisher}</dd></#if>
    <#if p.documentType??><dt>${i18n("site.publication.type")}</dt><dd>${p.documentType}</dd></#if>
    <#if p.themes?has_content><dt>${i18n("site.publication.themes")}</dt><dd><ul class="fr-tags-group"><#list p.themes as theme><li><a class="fr-tag" href="/publications?theme=${theme.code?url}">${theme.name}</a></li></#list></ul></dd></#if>
    <#if territories?has_content><dt>${i18n("site.publication.territories")}</dt><dd><ul class="oc-inline-list"><#list territories as territory><li><a href="${territory.href}">${territory.nom}</a></li></#list></ul></dd></#if>
  </dl>
  <#if p.summary?has_content>
  <h2>${i18n("site.publication.summary")}</h2>
  <div class="oc-publication__summary">${p.summary?no_esc}</div>
  </#if>
  <#if p.link?has_content>
  <p class="fr-mt-3w"><a class="fr-btn fr-btn--icon-right fr-icon-external-link-line" href="${p.link}" target="_blank" rel="noopener" title="${i18n("site.newWindow", i18n("site.publication.open"))}">${i18n("site.publication.open")}</a></p>
  </#if>
  <#if source?has_content><p class="fr-text--xs oc-source">${i18n("site.publication.source", source)}</p></#if>
</div>
</@layout.page>
