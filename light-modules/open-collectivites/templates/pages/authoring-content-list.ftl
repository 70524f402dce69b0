<#import "../site/layout.ftl" as layout>
<#import "../site/pagination.ftl" as pagination>
<#import "../authoring/ui.ftl" as ui>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-5w">
  <@ui.signedIn user=user csrf=csrf/>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/auteur/">${i18n("authoring.ui.form.back")}</a></p>
  <h1>${title}</h1>
  <#if newUrl?has_content><p><a class="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left" href="${newUrl}">${i18n("authoring.ui.dashboard.new", typeLabel)}</a></p></#if>
  <form method="get" action="${action}" class="fr-mb-5w" role="search" aria-label="${i18n("authoring.ui.list.filter", typeLabel)}">
    <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
      <div class="fr-col-12 fr-col-md-4">
        <div class="fr-input-group">
          <label class="fr-label" for="recherche">${i18n("authoring.ui.list.search")}
            <span class="fr-hint-text">${i18n("authoring.ui.list.searchHint")}</span></label>
          <input class="fr-input" type="search" id="recherche" name="q" value="${q}">
        </div>
      </div>
      <div class="fr-col-12 fr-col-md-3">
        <div class="fr-select-group">
          <label class="fr-label" for="statut">${i18n("authoring.ui.dashboard.status")}</label>
          <select class="fr-select" id="statut" name="statut">
            <option value=""<#if statut == ""> selected</#if>>${i18n("authoring.ui.dashboard.allStatuses")}</option>
            <#list states as value, label>
            <option value="${value}"<#if statut == value> selected</#if>>${label}</option>
            </#list>
          </select>
        </div>
      </div>
      <#list filters as filter>
      <div class="fr-col-12 fr-col-md-3">
        <div class="fr-select-group">
          <label class="fr-label" for="${filter.id}">${filter.label}</label>
          <select class="fr-select" id="${filter.id}" name="${filter.param}">
            <option value=""<#if filter.selected == ""> selected</#if>>${i18n("authoring.ui.list.allValues")}</option>
            <#list filter.values as value>
            <option value="${value}"<#if filter.selected == value> selected</#if>>${value}</option>
            </#list>
          </select>
        </div>
      </div>
      </#list>
      <div class="fr-col-12 fr-col-md-2">
        <button type="submit" class="fr-btn">${i18n("authoring.ui.dashboard.apply")}</button>
      </div>
    </div>
  </form>
  <p role="status">${i18n("authoring.ui.list.count", total)}</p>
  <#if lines?has_content>
  <div class="fr-table"><table>
    <caption>${i18n("authoring.ui.list.caption", typeLabel, currentPage, lastPage)}</caption>
    <thead><tr><th scope="col">${i18n("authoring.ui.dashboard.col.title")}</th><th scope="col">${i18n("authoring.ui.list.col.code")}</th><th scope="col">${i18n("authoring.ui.dashboard.col.path")}</th><th scope="col">${i18n("authoring.ui.dashboard.col.status")}</th><th scope="col">${i18n("authoring.ui.list.col.modified")}</th></tr></thead>
    <tbody>
    <#list lines as line>
      <tr><td><a href="${line.editUrl}">${line.title}</a></td><td>${line.code}</td><td>${line.path}</td><td><p class="fr-badge fr-badge--sm">${line.stateLabel}</p></td><td><#if line.modified?has_content><time datetime="${line.modifiedIso}">${line.modified}</time></#if></td></tr>
    </#list>
    </tbody>
  </table></div>
  <#if lastPage gt 1><@pagination.nav previous=previous next=next pages=pages/></#if>
  <#else>
  <p class="fr-text--sm">${i18n("authoring.ui.list.none")}</p>
  </#if>
</div>
</@layout.page>
