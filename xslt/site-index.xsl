<?xml version="1.0" encoding="UTF-8"?>
<!-- The edition's front page: every document, oldest first, with date, title, sender
     and summary. Input: the edition listing (e:edition/e:document, each holding a TEI). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:e="urn:tei-edition:site"
    xmlns:f="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:include href="common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
      include-content-type="no"/>

  <xsl:template match="/">
    <xsl:variable name="documents" select="f:chronological(.)"/>
    <html lang="en">
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="page-head">
        <xsl:with-param name="title" select="$site-title || ': documents'"/>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
      <body class="index-page">
        <xsl:call-template name="site-header">
          <xsl:with-param name="current" select="'index'"/>
        </xsl:call-template>
        <main id="main">
          <h1><xsl:value-of select="$site-title"/></h1>
          <p class="lede">
            <xsl:value-of select="count($documents)"/>
            <xsl:text> document</xsl:text>
            <xsl:if test="count($documents) ne 1">s</xsl:if>
            <xsl:text>, in the order they were written. </xsl:text>
            <a href="persons.html">The register of persons</a>
            <xsl:text> lists everyone they mention.</xsl:text>
          </p>
          <ol class="document-list">
            <xsl:for-each select="$documents">
              <xsl:variable name="tei" select="tei:TEI"/>
              <xsl:variable name="title" select="f:title($tei)"/>
              <xsl:variable name="date" select="f:creation-date($tei)"/>
              <xsl:variable name="parties" select="f:parties($title)"/>
              <li>
                <article class="document-card" aria-labelledby="doc-{position()}">
                  <h2 id="doc-{position()}"><a href="{@href}"><xsl:value-of select="$title"/></a></h2>
                  <p class="meta">
                    <xsl:if test="$date">
                      <xsl:call-template name="time">
                        <xsl:with-param name="date" select="$date"/>
                        <xsl:with-param name="content" select="normalize-space($date)"/>
                      </xsl:call-template>
                    </xsl:if>
                    <xsl:if test="$date and exists($parties?sender)">
                      <span class="sep" aria-hidden="true"> · </span>
                    </xsl:if>
                    <xsl:if test="exists($parties?sender)">
                      <span class="sender">From <xsl:value-of select="$parties?sender"/></span>
                    </xsl:if>
                  </p>
                  <xsl:variable name="summary" select="f:summary($tei)"/>
                  <xsl:if test="$summary">
                    <p class="summary"><xsl:value-of select="$summary"/></p>
                  </xsl:if>
                </article>
              </li>
            </xsl:for-each>
          </ol>
        </main>
        <xsl:call-template name="site-footer">
          <xsl:with-param name="tei" select="$documents[1]/tei:TEI"/>
        </xsl:call-template>
      </body>
      <xsl:text>&#10;</xsl:text>
    </html>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
