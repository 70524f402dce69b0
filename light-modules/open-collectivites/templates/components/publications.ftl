<#-- Publications as cards (catalogue, home, fiches). `summary` is HTML the harvester sanitised before
     storing it, hence ?no_esc; every other value is escaped. -->
<#macro card publication headingLevel=3 showSummary=true>
<div class="fr-card fr-card--horizontal fr-enlarge-link oc-publication">
  <div class="fr-card__body">
    <div class="fr-card__content">
      <h${headingLevel} class="fr-card__title"><a href="/publications/${publication.code}">${publication.title}</a></h${headingLevel}>
      <#if showSummary && publication.summary?has_content><div class="fr-card__desc oc-publication__summary">${publication.summary?no_esc}</div></#if>
      <div class="fr-card__start">
        <ul class="fr-tags-group">
          <#list publication.themes as theme><li><p class="fr-tag fr-tag--sm">${theme.name}</p></li></#list>
        </ul>
        <p class="fr-card__detail"><#if publication.documentType??>${publication.documentType}</#if><#if publication.publisher??> · ${publication.publisher}</#if></p>
      </div>
      <#if publication.dateLabel??><div class="fr-card__end"><p class="fr-card__detail">${i18n("site.publications.published", publication.dateLabel)}</p></div></#if>
    </div>
  </div>
</div>
</#macro>

<#macro list publications headingLevel=3 showSummary=true>
<ul class="oc-publications">
  <#list publications as publication>
  <li class="fr-mb-2w"><@card publication=publication headingLevel=headingLevel showSummary=showSummary/></li>
  </#list>
</ul>
</#macro>

<#-- A fiche's sections: "Publications sur <nom>" (always, possibly empty), then one per parent that has some. -->
<#macro ficheSections groups fiche>
<#list groups as group>
<#if group?index == 0 || group.publications?has_content>
<section class="fr-mb-5w" aria-labelledby="bloc-publications-${group?index}">
  <h2 id="bloc-publications-${group?index}">${i18n("site.fiche.publications", group.territory.nom)}</h2>
  <#if group.publications?has_content>
  <@list publications=group.publications headingLevel=3 showSummary=false/>
  <#else>
  <p>${i18n("site.fiche.publications.none", group.territory.nom)}</p>
  </#if>
  <p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/publications?territory=${group.territory.key?url}">${i18n("site.fiche.publications.all", group.territory.nom)}</a></p>
</section>
</#if>
</#list>
</#macro>
