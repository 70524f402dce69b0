<#import "../site/layout.ftl" as layout>
<#import "../components/publications.ftl" as pubs>
<#import "../site/pagination.ftl" as pagination>
<#-- The catalogue: a plain GET form (complete without JavaScript); active filters as removable tags (links). -->
<@layout.page title=title description=i18n("site.publications.description") canonical="/publications" current="publications" noindex=filtered>
<div class="fr-container fr-my-5w">
  <@layout.breadcrumb crumbs=[[title, "/publications"]]/>
  <h1>${title}</h1>
  <p>${i18n("site.publications.intro")}</p>
  <#if ignored?has_content>
  <div class="fr-alert fr-alert--warning fr-mb-3w" role="alert">
    <h2 class="fr-alert__title">${i18n("site.publications.ignoredTitle")}</h2>
    <ul><#list ignored as value><li>${i18n("site.publications.ignored", value)}</li></#list></ul>
  </div>
  </#if>
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-4">
      <form action="/publications" method="get" id="filtres-publications" aria-labelledby="filtres-titre">
        <h2 id="filtres-titre" class="fr-h4">${i18n("site.publications.filters")}</h2>
        <div class="fr-input-group">
          <label class="fr-label" for="pub-q">${i18n("site.publications.q")}</label>
          <input class="fr-input" type="search" id="pub-q" name="q" value="${form.q}">
        </div>
        <fieldset class="fr-fieldset" id="filtre-themes">
          <legend class="fr-fieldset__legend fr-text--regular">${i18n("site.publications.theme")}</legend>
          <#list themes as option>
          <div class="fr-fieldset__element"><div class="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id="theme-${option.code}" name="theme" value="${option.code}"<#if form.themes?seq_contains(option.code)> checked</#if>>
            <label class="fr-label" for="theme-${option.code}">${option.name}</label>
          </div></div>
          </#list>
        </fieldset>
        <div class="fr-input-group">
          <label class="fr-label" for="pub-territory">${i18n("site.publications.territory")}<span class="fr-hint-text">${i18n("site.publications.territoryHint")}</span></label>
          <input class="fr-input" type="text" id="pub-territory" name="territory" value="${form.territory}" autocomplete="off">
        </div>
        <fieldset class="fr-fieldset" id="filtre-types">
          <legend class="fr-fieldset__legend fr-text--regular">${i18n("site.publications.type")}</legend>
          <#list types as option>
          <div class="fr-fieldset__element"><div class="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id="type-${option.code}" name="type" value="${option.code}"<#if form.types?seq_contains(option.code)> checked</#if>>
            <label class="fr-label" for="type-${option.code}">${option.name}</label>
          </div></div>
          </#list>
        </fieldset>
        <fieldset class="fr-fieldset" id="filtre-producteurs">
          <legend class="fr-fieldset__legend fr-text--regular">${i18n("site.publications.publisher")}</legend>
          <#list publishers as option>
          <div class="fr-fieldset__element"><div class="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id="publisher-${option.code}" name="publisher" value="${option.code}"<#if form.publishers?seq_contains(option.code)> checked</#if>>
            <label class="fr-label" for="publisher-${option.code}">${option.name}</label>
          </div></div>
          </#list>
        </fieldset>
        <div class="fr-select-group">
          <label class="fr-label" for="pub-year">${i18n("site.publications.year")}</label>
          <select class="fr-select" id="pub-year" name="year">
            <option value="">${i18n("site.publications.anyYear")}</option>
            <#list years as year><option value="${year?c}"<#if form.years?seq_contains(year?c)> selected</#if>>${year?c}</option></#list>
          </select>
        </div>
        <div class="fr-input-group">
          <label class="fr-label" for="pub-from">${i18n("site.publications.from")}</label>
          <input class="fr-input" type="date" id="pub-from" name="from" value="${form.from}">
        </div>
        <div class="fr-input-group">
          <label class="fr-label" for="pub-to">${i18n("site.publications.to")}</label>
          <input class="fr-input" type="date" id="pub-to" name="to" value="${form.to}">
        </div>
        <div class="fr-select-group">
          <label class="fr-label" for="pub-sort">${i18n("site.publications.sort")}</label>
          <select class="fr-select" id="pub-sort" name="sort">
            <option value="date"<#if form.sort == "date"> selected</#if>>${i18n("site.publications.sort.date")}</option>
            <option value="relevance"<#if form.sort == "relevance"> selected</#if>>${i18n("site.publications.sort.relevance")}</option>
          </select>
        </div>
        <button class="fr-btn" type="submit">${i18n("site.publications.submit")}</button>
      </form>
    </div>
    <div class="fr-col-12 fr-col-md-8">
      <#if tags?has_content>
      <h2 class="fr-h6" id="filtres-actifs">${i18n("site.publications.activeFilters")}</h2>
      <ul class="fr-tags-group" aria-labelledby="filtres-actifs">
        <#list tags as tag>
        <li><a class="fr-tag fr-tag--icon-left fr-icon-close-line oc-tag-remove" href="${tag.removeHref}" aria-label="${i18n("site.publications.removeFilter", tag.label)}">${tag.label}</a></li>
        </#list>
      </ul>
      <p><a class="fr-link" href="/publications">${i18n("site.publications.clear")}</a></p>
      </#if>
      <p id="publications-nombre" role="status">${i18n("site.publications.count", total)}</p>
      <#if publications?has_content>
      <@pubs.list publications=publications headingLevel=2/>
      <#if lastPage gt 1>
      <@pagination.nav previous=previous next=next pages=pages/>
      </#if>
      <#else>
      <div class="fr-alert fr-alert--info"><p>${i18n("site.publications.none")}</p></div>
      </#if>
    </div>
  </div>
</div>
</@layout.page>
