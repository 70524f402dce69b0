<#import "../site/minisite.ftl" as minisite>
<@minisite.page/>
