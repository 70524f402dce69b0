<#import "../site/layout.ftl" as layout>
<#import "../authoring/admin.ftl" as admin>
<@layout.page title=title noindex=true>
<@admin.page>
  <#if single??>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/auteur/admin/imports">${i18n("authoring.ui.admin.imports.back")}</a></p>
  <#else>
  <p>${i18n("authoring.ui.admin.imports.intro")}</p>
  </#if>
  <#list runs as run>
  <section class="fr-mb-5w" aria-labelledby="run-${run?index}">
    <h2 id="run-${run?index}" class="fr-h5">
      <#if single??>${i18n("authoring.ui.admin.imports.run", run.at)}<#else><a href="/auteur/admin/imports/${run.id}"><time datetime="${run.iso}">${run.at}</time></a></#if>
      <#if run.failed><span class="fr-badge fr-badge--error fr-badge--sm">${i18n("authoring.ui.admin.imports.failed")}</span><#else><span class="fr-badge fr-badge--success fr-badge--sm">${i18n("authoring.ui.admin.imports.ok")}</span></#if>
      <#if run.forced><span class="fr-badge fr-badge--warning fr-badge--sm">${i18n("authoring.ui.admin.imports.forced")}</span></#if>
    </h2>
    <p class="fr-text--sm">${i18n("authoring.ui.admin.imports.summary", run.files?size, run.seconds)}</p>
    <#if run.files?has_content>
    <div class="fr-table fr-table--sm"><table>
      <caption class="fr-sr-only">${i18n("authoring.ui.admin.imports.caption", run.at)}</caption>
      <thead><tr>
        <th scope="col">${i18n("authoring.ui.admin.imports.col.file")}</th>
        <th scope="col">${i18n("authoring.ui.admin.imports.col.result")}</th>
        <th scope="col">${i18n("authoring.ui.admin.imports.col.rows")}</th>
        <th scope="col">${i18n("authoring.ui.admin.imports.col.nodes")}</th>
        <th scope="col">${i18n("authoring.ui.admin.imports.col.details")}</th>
      </tr></thead>
      <tbody>
      <#list run.files as f>
        <tr>
          <td>${f.file}<br><span class="fr-text--xs">${f.kind}</span></td>
          <td><#if f.failed>${i18n("authoring.ui.admin.imports.fileFailed")}<#else>${i18n("authoring.ui.admin.imports.fileOk")}</#if></td>
          <td>${i18n("authoring.ui.admin.imports.rows", f.read, f.rejected)}</td>
          <td><#if f.failed>—<#else>${i18n("authoring.ui.admin.imports.nodes", f.created, f.updated, f.unchanged, f.removed, f.retired)}</#if></td>
          <td>
            <#list f.notes as note><p class="fr-text--sm fr-mb-1w">${note}</p></#list>
            <#if f.rejections?has_content>
            <ul class="fr-text--sm"><#list f.rejections as r><li>${r}</li></#list></ul>
            <#if f.moreRejections gt 0><p class="fr-text--sm"><a href="/auteur/admin/imports/${run.id}">${i18n("authoring.ui.admin.imports.more", f.moreRejections)}</a></p></#if>
            </#if>
          </td>
        </tr>
      </#list>
      </tbody>
    </table></div>
    </#if>
    <#if run.unrecognised?has_content>
    <p class="fr-text--sm">${i18n("authoring.ui.admin.imports.unrecognised")}</p>
    <ul class="fr-text--sm"><#list run.unrecognised as u><li>${u}</li></#list></ul>
    </#if>
  </section>
  <#else>
  <p>${i18n("authoring.ui.admin.imports.none")}</p>
  </#list>
</@admin.page>
</@layout.page>
