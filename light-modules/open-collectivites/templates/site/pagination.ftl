<#-- The DSFR pagination: previous, up to five numbered pages, next; previous/next empty on the first/last page. -->
<#macro nav previous next pages>
<nav role="navigation" class="fr-pagination" aria-label="${i18n("site.pagination.label")}">
  <ul class="fr-pagination__list">
    <li><#if previous?has_content><a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" href="${previous}">${i18n("site.pagination.previous")}</a><#else><a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" aria-disabled="true" role="link">${i18n("site.pagination.previous")}</a></#if></li>
    <#list pages as link>
    <li><a class="fr-pagination__link" href="${link.href}" title="${i18n("site.pagination.page", link.number)}"<#if link.current> aria-current="page"</#if>>${link.number}</a></li>
    </#list>
    <li><#if next?has_content><a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href="${next}">${i18n("site.pagination.next")}</a><#else><a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" aria-disabled="true" role="link">${i18n("site.pagination.next")}</a></#if></li>
  </ul>
</nav>
</#macro>
