<#import "../site/layout.ftl" as layout>
<#import "../authoring/ui.ftl" as ui>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-5w">
  <@ui.signedIn user=user csrf=csrf/>
  <h1>${title}</h1>
  <#if admin!false><p><a class="fr-link fr-icon-settings-5-line fr-link--icon-left" href="/auteur/admin/">${i18n("authoring.ui.admin.link")}</a></p></#if>
  <#if publicationTools!false><ul class="fr-links-group fr-mb-3w">
    <li><a class="fr-link fr-icon-hashtag fr-link--icon-left" href="/auteur/etiquetage">${i18n("authoring.ui.tagPreview.link")}</a></li>
    <li><a class="fr-link fr-icon-rss-line fr-link--icon-left" href="/auteur/sources">${i18n("authoring.ui.sources.link")}</a></li>
  </ul></#if>
  <form method="get" action="/auteur/" class="fr-mb-5w" role="search" aria-label="${i18n("authoring.ui.dashboard.filter")}">
    <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
      <div class="fr-col-12 fr-col-md-6">
        <div class="fr-input-group">
          <label class="fr-label" for="recherche-brouillons">${i18n("authoring.ui.dashboard.search")}</label>
          <input class="fr-input" type="search" id="recherche-brouillons" name="q" value="${q}">
        </div>
      </div>
      <div class="fr-col-12 fr-col-md-4">
        <div class="fr-select-group">
          <label class="fr-label" for="statut">${i18n("authoring.ui.dashboard.status")}</label>
          <select class="fr-select" id="statut" name="statut">
            <option value=""<#if statut == ""> selected</#if>>${i18n("authoring.ui.dashboard.allStatuses")}</option>
            <#list statuses as value, label>
            <option value="${value}"<#if statut == value> selected</#if>>${label}</option>
            </#list>
          </select>
        </div>
      </div>
      <div class="fr-col-12 fr-col-md-2">
        <button type="submit" class="fr-btn">${i18n("authoring.ui.dashboard.apply")}</button>
      </div>
    </div>
  </form>
  <#list places as place>
  <section class="fr-mb-5w" aria-labelledby="pages-${place.key}">
    <h2 id="pages-${place.key}">${place.label}</h2>
    <p><a class="fr-btn fr-btn--secondary fr-btn--sm fr-icon-file-line fr-btn--icon-left" href="${place.url}">${i18n("authoring.ui.pages.manage", place.label)}</a></p>
    <#if place.pages?has_content>
    <ul>
      <#list place.pages as row>
      <li><a href="${row.editUrl}">${row.title}</a> <span class="fr-badge fr-badge--sm">${statuses[row.status]}</span></li>
      </#list>
    </ul>
    <#else>
    <p class="fr-text--sm">${i18n("authoring.ui.pages.none")}</p>
    </#if>
  </section>
  </#list>
  <#if sections?has_content>
  <#list sections as section>
  <section class="fr-mb-5w" aria-labelledby="type-${section.name}">
    <h2 id="type-${section.name}">${section.label}</h2>
    <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
      <#if section.newUrl?has_content><li><a class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left" href="${section.newUrl}">${i18n("authoring.ui.dashboard.new", section.label)}</a></li></#if>
      <#if section.listUrl?has_content><li><a class="fr-btn fr-btn--tertiary fr-icon-list-unordered fr-btn--icon-left" href="${section.listUrl}">${i18n("authoring.ui.dashboard.list", section.label)}</a></li></#if>
    </ul>
    <#if section.drafts?has_content>
    <div class="fr-table"><table>
      <caption>${i18n("authoring.ui.dashboard.caption", section.label)}</caption>
      <thead><tr><th scope="col">${i18n("authoring.ui.dashboard.col.title")}</th><th scope="col">${i18n("authoring.ui.dashboard.col.path")}</th><th scope="col">${i18n("authoring.ui.dashboard.col.status")}</th></tr></thead>
      <tbody>
      <#list section.drafts as draft>
        <tr><td><a href="${draft.editUrl}">${draft.title}</a></td><td>${draft.path}</td><td><p class="fr-badge fr-badge--sm">${statuses[draft.status]}</p></td></tr>
      </#list>
      </tbody>
    </table></div>
    <#else>
    <p class="fr-text--sm">${i18n("authoring.ui.dashboard.none")}</p>
    </#if>
  </section>
  </#list>
  <#elseif !places?has_content>
  <p>${i18n("authoring.ui.dashboard.noType")}</p>
  </#if>
</div>
</@layout.page>
