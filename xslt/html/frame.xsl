<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML layer shared by every page of the site (the reading pages and the index,
     registers, search and about pages): the site settings, the one page frame (head,
     banner with the navigation, footer) and dates as HTML time elements. It includes
     common/functions.xsl, so an HTML stylesheet includes only this. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:e="urn:tei-edition:site"
    xmlns:f="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>

  <!-- From edition.toml (tei/settings.py): the name shown in every page's banner and in
       the index heading, a line under it on the front page, and whether every mention of
       a person, place or body is a link or only the first in each paragraph. -->
  <xsl:param name="site-title" as="xs:string" select="'Reading edition'"/>
  <xsl:param name="site-subtitle" as="xs:string" select="''"/>
  <xsl:param name="link-mentions" as="xs:string" select="'first-in-paragraph'"/>

  <!-- The site's pages, in the order of the navigation. -->
  <xsl:variable name="site-pages" as="map(xs:string, xs:string)*" select="(
      map{'key': 'index', 'href': 'index.html', 'label': 'Documents'},
      map{'key': 'persons', 'href': 'persons.html', 'label': 'Persons'},
      map{'key': 'places', 'href': 'places.html', 'label': 'Places'},
      map{'key': 'organisations', 'href': 'organisations.html', 'label': 'Organisations'},
      map{'key': 'search', 'href': 'search.html', 'label': 'Search'},
      map{'key': 'about', 'href': 'about.html', 'label': 'About'})"/>

  <!-- The way from this page up to the site's top folder ('../' per level) for a page
       kept in a subfolder, so the site's shared pages and stylesheet are found. -->
  <xsl:param name="root" as="xs:string" select="''"/>

  <!-- A date as an HTML time element; ranges carry both ends in the title. A date known
       only within bounds ("the end of October") has no single datetime: its bounds go into
       the title of a plain span. -->
  <xsl:template name="time">
    <xsl:param name="date" as="element(tei:date)"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="start" select="($date/@when, $date/@from)[1]"/>
    <xsl:choose>
      <xsl:when test="$date/(@notBefore, @notAfter)">
        <span class="date">
          <xsl:attribute name="title" select="string-join((
              $date/@notBefore ! ('not before ' || .), $date/@notAfter ! ('not after ' || .)),
              ', ')"/>
          <xsl:sequence select="$content"/>
        </span>
      </xsl:when>
      <xsl:when test="f:html-date($start)">
        <time datetime="{$start}">
          <xsl:if test="$date/@from and $date/@to">
            <xsl:attribute name="title" select="$date/@from || ' to ' || $date/@to"/>
          </xsl:if>
          <xsl:sequence select="$content"/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <span class="date"><xsl:sequence select="$content"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Whether a value is a year, month, day or day and time that HTML's datetime
       attribute accepts (ISO values such as 1962-10 or 1963-10-21T17:00:00). The pattern
       is one literal, split over lines with the 'x' flag (which drops its whitespace):
       built by concatenation it was compiled again on every call, for every date of a
       register page. -->
  <xsl:function name="f:html-date" as="xs:boolean">
    <xsl:param name="value" as="xs:anyAtomicType?"/>
    <xsl:sequence select="exists($value) and matches(string($value),
        '^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])
         (T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+\-]\d{2}:\d{2})?)?)?)?$', 'x')"/>
  </xsl:function>

  <!-- The one frame of every page of the site (the reading pages and the site's own):
       the head, the banner with the navigation ($current: the key of this page in it),
       the main element and the footer with the licence of $tei. What the main element
       holds is made by the page's own template for its input (the context item) in mode
       page-main, which reads what the caller worked out from tunnel parameters. It goes
       to the output as it is made: given as a parameter, it was built as a tree first,
       which for a register page of a large edition (25 MB of HTML for 10,000 documents)
       was most of the memory the page took. -->
  <xsl:template name="page">
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="meta" as="element()*" select="()"/>
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="current" as="xs:string" select="''"/>
    <xsl:param name="tei" as="element(tei:TEI)?"/>
    <html lang="{$lang}">
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="page-head">
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="meta" select="$meta"/>
        <xsl:with-param name="scripts" select="$scripts"/>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
      <body class="{$class}">
        <xsl:call-template name="site-header">
          <xsl:with-param name="current" select="$current"/>
        </xsl:call-template>
        <main id="main">
          <xsl:apply-templates select="." mode="page-main"/>
        </main>
        <xsl:call-template name="site-footer">
          <xsl:with-param name="tei" select="$tei"/>
        </xsl:call-template>
      </body>
      <xsl:text>&#10;</xsl:text>
    </html>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- The head of every page: one local stylesheet, nothing fetched from elsewhere. -->
  <xsl:template name="page-head">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="meta" as="element()*" select="()"/>
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title><xsl:value-of select="$title"/></title>
      <xsl:for-each select="$meta">
        <meta name="{@name}" content="{@content}"/>
      </xsl:for-each>
      <link rel="stylesheet" href="{$root}edition.css"/>
      <xsl:for-each select="$scripts">
        <script src="{$root}{.}" defer=""></script>
      </xsl:for-each>
    </head>
  </xsl:template>

  <!-- The banner: the site's name, the search box (a plain form: without JavaScript it
       still opens the search page) and the navigation. -->
  <xsl:template name="site-header">
    <xsl:param name="current" as="xs:string" select="''"/>
    <a class="skip" href="#main">Skip to content</a>
    <header class="site">
      <p class="site-name"><a href="{$root}index.html"><xsl:value-of select="$site-title"/></a></p>
      <xsl:if test="$current ne 'search'">
        <form class="site-search" role="search" action="{$root}search.html" method="get">
          <label for="site-search-q" class="vh">Search the documents</label>
          <input type="search" id="site-search-q" name="q" placeholder="Search"/>
          <button type="submit">Search</button>
        </form>
      </xsl:if>
      <nav class="site-nav" aria-label="Edition">
        <ul>
          <xsl:for-each select="$site-pages">
            <li>
              <a href="{$root}{?href}">
                <xsl:if test="$current = ?key"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
                <xsl:value-of select="?label"/>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </header>
  </xsl:template>

  <xsl:template name="site-footer">
    <xsl:param name="tei" as="element(tei:TEI)?"/>
    <footer class="site">
      <xsl:for-each select="$tei/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence">
        <p><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
      <p>A reading version of TEI P5 documents. Editorial insertions are marked
        <span class="ed-sample">like this</span>; notes open from their numbers.</p>
    </footer>
  </xsl:template>

</xsl:stylesheet>
