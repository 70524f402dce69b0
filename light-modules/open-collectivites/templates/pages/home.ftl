<#import "../site/layout.ftl" as layout>
<#import "../components/search-box.ftl" as search>
<#import "../components/publications.ftl" as pubs>
<@layout.page title=title description=i18n("site.home.description") canonical="/" current="home">
<div class="fr-container fr-my-7w">
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-lg-8">
      <h1>${i18n("site.home.heading")}</h1>
      <p class="fr-text--lead">${i18n("site.home.lead")}</p>
      <@search.searchBox id="q"/>
    </div>
  </div>
  <div class="fr-grid-row fr-grid-row--gutters fr-mt-5w">
    <div class="fr-col-12 fr-col-md-6">
      <div class="fr-card fr-enlarge-link">
        <div class="fr-card__body">
          <div class="fr-card__content">
            <h2 class="fr-card__title"><a href="/comparer">${i18n("site.home.compare.title")}</a></h2>
            <p class="fr-card__desc">${i18n("site.home.compare.text")}</p>
          </div>
        </div>
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-6">
      <div class="fr-card fr-enlarge-link">
        <div class="fr-card__body">
          <div class="fr-card__content">
            <h2 class="fr-card__title"><a href="/plan-du-site">${i18n("site.home.browse.title")}</a></h2>
            <p class="fr-card__desc">${i18n("site.home.browse.text")}</p>
          </div>
        </div>
      </div>
    </div>
  </div>
  <#if publications?has_content>
  <section class="fr-mt-7w" aria-labelledby="publications-une">
    <h2 id="publications-une">${i18n("site.home.publications.title")}</h2>
    <@pubs.list publications=publications headingLevel=3 showSummary=false/>
    <p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/publications">${i18n("site.home.publications.all")}</a></p>
  </section>
  </#if>
</div>
</@layout.page>
