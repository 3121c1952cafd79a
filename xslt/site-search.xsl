<?xml version="1.0" encoding="UTF-8"?>
<!-- The search page: a form whose results search.js fills in from the index that
     search-index.js holds (MiniSearch, in vendor/). Without JavaScript the page says that
     search needs it. Input: the edition listing (for the page frame only). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:e="urn:tei-edition:site"
    xmlns:f="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:include href="html/frame.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
      include-content-type="no"/>

  <xsl:template match="/">
    <xsl:variable name="documents" select="f:chronological(.)"/>
    <xsl:call-template name="page">
      <xsl:with-param name="lang" select="'en'"/>
      <xsl:with-param name="title" select="$site-title || ': search'"/>
      <xsl:with-param name="scripts"
          select="('vendor/minisearch.js', 'search-index.js', 'search.js')"/>
      <xsl:with-param name="class" select="'search-page'"/>
      <xsl:with-param name="current" select="'search'"/>
      <xsl:with-param name="tei" select="$documents[1]/tei:TEI"/>
      <xsl:with-param name="documents" select="$documents" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The main element of the page (see the page template in html/frame.xsl). -->
  <xsl:template match="/" mode="page-main">
    <xsl:param name="documents" as="element(e:document)*" tunnel="yes"/>
    <h1>Search</h1>
    <p class="lede">Search the titles, summaries, texts and notes of the
      <xsl:value-of select="count($documents)"/> documents. Accents and capitals do
      not matter, and the start of a word is enough: <i>tele</i> finds
      <i>telegram</i>.</p>
    <form class="search-form" id="search-form" role="search" action="search.html"
        method="get">
      <label for="search-q">Words to find</label>
      <input type="search" id="search-q" name="q" autocomplete="off"/>
      <button type="submit">Search</button>
    </form>
    <noscript>
      <p class="notice">Search needs JavaScript, which is turned off in this browser.
        Every document is listed on the <a href="index.html">documents page</a>, and
        the registers of <a href="persons.html">persons</a>,
        <a href="places.html">places</a> and
        <a href="organisations.html">organisations</a> say where each is mentioned.</p>
    </noscript>
    <p id="search-status" class="search-status" role="status" aria-live="polite"></p>
    <ol id="search-results" class="search-results"></ol>
  </xsl:template>

</xsl:stylesheet>
