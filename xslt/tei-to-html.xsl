<?xml version="1.0" encoding="UTF-8"?>
<!-- One TEI document to its reading page. With the edition listing passed as $edition
     (and this document's $stem), the page also links to the previous and next document
     by date. -->
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

  <xsl:param name="edition" as="document-node()?" select="()"/>
  <xsl:param name="stem" as="xs:string" select="''"/>
  <!-- The reference built by tei/citation.py (meta tags, Chicago, BibTeX): given when the
       page is part of a site, which then also holds the downloads beside it. -->
  <xsl:param name="citation" as="document-node()?" select="()"/>

  <xsl:variable name="tei" select="/tei:TEI" as="element(tei:TEI)"/>
  <xsl:variable name="title" select="f:title($tei)"/>

  <xsl:template match="/">
    <xsl:variable name="lang" select="($tei/@xml:lang, 'en')[1]"/>
    <xsl:call-template name="page">
      <xsl:with-param name="lang" select="$lang"/>
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="meta" select="$citation/citation/meta"/>
      <xsl:with-param name="scripts" select="if ($citation) then 'cite.js' else ()"/>
      <xsl:with-param name="class" select="'document-page'"/>
      <xsl:with-param name="tei" select="$tei"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The main element of the page (see the page template in html/frame.xsl). -->
  <xsl:template match="/" mode="page-main">
    <article class="document" aria-labelledby="doc-title">
      <xsl:call-template name="document-header"/>
      <xsl:call-template name="summary"/>
      <xsl:apply-templates select="$tei/tei:text/tei:body"/>
      <xsl:call-template name="notes-list"/>
      <xsl:call-template name="cite-and-download"/>
    </article>
    <xsl:call-template name="pager"/>
  </xsl:template>

  <!-- Title, the facts of the header, and the citation with its link to the source. -->
  <xsl:template name="document-header">
    <xsl:variable name="header" select="$tei/tei:teiHeader"/>
    <xsl:variable name="date" select="f:creation-date($tei)"/>
    <xsl:variable name="sender" select="f:corresp-words($tei, 'sent')"/>
    <xsl:variable name="recipient" select="f:corresp-words($tei, 'received')"/>
    <xsl:variable name="citation" select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'citation'][1]"/>
    <header class="document-header">
      <h1 id="doc-title"><xsl:value-of select="$title"/></h1>
      <dl class="facts">
        <xsl:if test="$date">
          <div>
            <dt>Date</dt>
            <dd>
              <xsl:call-template name="time">
                <xsl:with-param name="date" select="$date"/>
                <xsl:with-param name="content" select="normalize-space($date)"/>
              </xsl:call-template>
            </dd>
          </div>
        </xsl:if>
        <xsl:if test="exists($sender)">
          <div><dt>From</dt><dd class="sender"><xsl:value-of select="$sender"/></dd></div>
        </xsl:if>
        <xsl:if test="exists($recipient)">
          <div><dt>To</dt><dd class="recipient"><xsl:value-of select="$recipient"/></dd></div>
        </xsl:if>
        <xsl:for-each select="$header/tei:profileDesc/tei:langUsage/tei:language[@n = 'original']">
          <div><dt>Original language</dt><dd><xsl:value-of select="normalize-space(.)"/></dd></div>
        </xsl:for-each>
        <xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/tei:respStmt[@xml:id = 'translator']">
          <div><dt>Translated by</dt><dd><xsl:value-of select="normalize-space(tei:name | tei:orgName)"/></dd></div>
        </xsl:for-each>
      </dl>
      <xsl:if test="$citation">
        <p class="citation"><span class="citation-label">Citation: </span>
          <xsl:apply-templates select="$citation/node()" mode="citation"/>
        </p>
      </xsl:if>
    </header>
  </xsl:template>

  <xsl:template match="tei:ref[@target]" mode="citation">
    <xsl:variable name="href" select="f:safe-href(@target)"/>
    <xsl:choose>
      <xsl:when test="exists($href)"><a href="{$href}"><xsl:value-of select="."/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:date" mode="citation">
    <xsl:call-template name="time">
      <xsl:with-param name="date" select="."/>
      <xsl:with-param name="content" select="string(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="*" mode="citation">
    <xsl:apply-templates mode="citation"/>
  </xsl:template>

  <xsl:template name="summary">
    <xsl:variable name="summary" select="$tei/tei:teiHeader/tei:profileDesc/tei:abstract"/>
    <xsl:if test="$summary">
      <section class="summary" aria-labelledby="summary-title">
        <h2 id="summary-title">Summary</h2>
        <xsl:for-each select="$summary/tei:p">
          <p><xsl:apply-templates/></p>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The body, laid out as a telegram: opener lines, paragraphs, closer. -->
  <xsl:template match="tei:body">
    <section class="text" aria-labelledby="text-title">
      <h2 id="text-title">Text</h2>
      <div class="telegram">
        <xsl:apply-templates/>
      </div>
    </section>
  </xsl:template>

  <xsl:template match="tei:div">
    <div class="div {@type}">
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- The closer and footnotes without a marker follow; the notes after the closer are
       listed with the others, not in the text. -->
  <xsl:template match="tei:div/tei:note[@place = 'foot']" priority="1"/>

  <xsl:template match="tei:head">
    <p class="head"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:opener">
    <div class="opener"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:closer">
    <div class="closer"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:opener/tei:seg | tei:closer/tei:seg">
    <p class="line {@type}"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:dateline">
    <p class="dateline"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:signed">
    <p class="signed"><xsl:apply-templates/></p>
  </xsl:template>

  <!-- An author line ("Compiled by ...", "From the diary of ..."), in the opener or at the
       head of a section. -->
  <xsl:template match="tei:byline">
    <p class="byline"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:salute | tei:opener/tei:* | tei:closer/tei:*" priority="-0.1">
    <p class="line"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <!-- Only web addresses become links: other targets point into the TEI, not the page. -->
  <xsl:template match="tei:ref[exists(f:web-href(@target))]">
    <a href="{f:web-href(@target)}"><xsl:apply-templates/></a>
  </xsl:template>

  <xsl:template match="tei:list[not(ancestor::tei:p | ancestor::tei:note)]">
    <ul class="list"><xsl:apply-templates select="tei:item"/></ul>
  </xsl:template>

  <xsl:template match="tei:list[not(ancestor::tei:p | ancestor::tei:note)]/tei:item">
    <li><xsl:apply-templates/></li>
  </xsl:template>

  <!-- Inside a paragraph or a note a block would break the HTML: keep it inline. -->
  <xsl:template match="tei:note//tei:p | tei:p//tei:list | tei:note//tei:list" priority="1">
    <span class="{local-name()}"><xsl:apply-templates/></span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:label">
    <span class="label"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:lb">
    <br/>
  </xsl:template>

  <!-- Emphasis: italics as italics (the source's *Title* or _word_); any other
       rendering is named in the class. -->
  <xsl:template match="tei:hi[tokenize(@rend) = 'italic']">
    <i class="hi"><xsl:apply-templates/></i>
  </xsl:template>

  <!-- The title of a cited book (the source set it in emphasis). -->
  <xsl:template match="tei:text//tei:title">
    <cite class="title"><xsl:apply-templates/></cite>
  </xsl:template>

  <xsl:template match="tei:hi">
    <span class="hi {translate(@rend, ' ', '-')}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- A registered person, place or body links to its register entry: at every mention,
       or (link-mentions = first-in-paragraph) at the first mention in each paragraph or
       note, later ones being marked but not links. An unresolved reference stays text. -->
  <xsl:key name="entry" match="tei:listPerson/tei:person | tei:listPlace/tei:place
      | tei:listOrg/tei:org" use="@xml:id"/>

  <xsl:variable name="name-kinds" as="map(xs:string, xs:string*)" select="map{
      'persName': ('person', 'persons.html', 'person'),
      'placeName': ('place', 'places.html', 'place'),
      'orgName': ('org', 'organisations.html', 'org')}"/>

  <xsl:template match="(tei:persName | tei:placeName | tei:orgName)[starts-with(@ref, '#')]">
    <xsl:variable name="id" select="substring(@ref, 2)"/>
    <xsl:variable name="kind" select="$name-kinds(local-name())"/>
    <xsl:variable name="entry" select="key('entry', $id, $tei)[local-name() = $kind[3]]"/>
    <xsl:choose>
      <xsl:when test="$entry and ($link-mentions = 'all' or f:first-mention(.))">
        <a class="{$kind[1]}" href="{$root}{$kind[2]}#{$id}"><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:when test="$entry">
        <span class="{$kind[1]} repeat"><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$kind[1]}"><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Whether no earlier name in the same paragraph (or note) refers to the same entry. -->
  <xsl:function name="f:first-mention" as="xs:boolean">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="block" select="f:block($name)"/>
    <xsl:sequence select="empty($block) or empty($block//*[node-name() = node-name($name)]
        [@ref = $name/@ref][. &lt;&lt; $name][f:block(.) is $block])"/>
  </xsl:function>

  <xsl:template match="tei:date">
    <xsl:call-template name="time">
      <xsl:with-param name="date" select="."/>
      <xsl:with-param name="content" as="item()*"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:pb">
    <span class="pb" role="img" aria-label="page break in the source" title="Page break in the source"/>
  </xsl:template>

  <!-- Editorial insertions: the brackets are text already; the words inside get a style
       and, on hover or keyboard focus, who is responsible for them. -->
  <xsl:template match="tei:supplied | tei:gap | tei:note[@type = 'editorial']">
    <xsl:variable name="kind" select="
        if (self::tei:supplied) then 'supplied'
        else if (self::tei:gap) then 'gap' else 'note'"/>
    <xsl:variable name="what" select="
        if (self::tei:supplied) then 'Words supplied by the editor'
        else if (self::tei:gap) then 'Omission noted by the editor'
        else 'Editorial note'"/>
    <span class="ed ed-{$kind}" tabindex="0" title="{$what}{f:resp-name(.)}">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:function name="f:resp-name" as="xs:string">
    <xsl:param name="insertion" as="element()"/>
    <xsl:variable name="resp" select="key('resp', substring-after($insertion/@resp, '#'), root($insertion))"/>
    <xsl:sequence select="if ($resp) then ' (' || normalize-space(string-join(
        $resp/(tei:name | tei:orgName | tei:persName), ', ')) || ')' else ''"/>
  </xsl:function>

  <xsl:key name="resp" match="tei:respStmt" use="@xml:id"/>

  <xsl:template match="tei:gap/tei:desc">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- A footnote where its marker stood: the number opens the note in place (a popover,
       no script), and the note links on to the notes list. -->
  <xsl:template match="tei:note[@place = 'foot']">
    <xsl:variable name="index" select="f:note-index(.)"/>
    <xsl:variable name="n" select="f:note-number(.)"/>
    <button type="button" class="fn-ref" id="fnref-{$index}" popovertarget="fn-pop-{$index}"
        aria-label="Note {$n}"><xsl:value-of select="$n"/></button>
    <span class="fn-pop" id="fn-pop-{$index}" popover="" role="note">
      <span class="fn-pop-n"><xsl:value-of select="$n"/></span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
      <xsl:text> </xsl:text>
      <a class="fn-more" href="#fn-{$index}">In the notes list</a>
    </span>
  </xsl:template>

  <xsl:template name="notes-list">
    <xsl:variable name="notes" select="$tei/tei:text//tei:note[@place = 'foot']"/>
    <xsl:if test="$notes">
      <section class="notes" aria-labelledby="notes-title">
        <h2 id="notes-title">Notes</h2>
        <ol class="notes-list">
          <xsl:for-each select="$notes">
            <xsl:variable name="index" select="f:note-index(.)"/>
            <li id="fn-{$index}">
              <span class="fn-n"><xsl:value-of select="f:note-number(.)"/>.</span>
              <xsl:text> </xsl:text>
              <xsl:apply-templates/>
              <xsl:choose>
                <xsl:when test="parent::tei:div">
                  <xsl:text> </xsl:text>
                  <span class="fn-unplaced">(No marker in the text.)</span>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:text> </xsl:text>
                  <a class="backref" href="#fnref-{$index}"><span aria-hidden="true">↩</span>
                    <span class="vh">Back to the text at note <xsl:value-of select="f:note-number(.)"/></span></a>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- How to cite the page, and its TEI, plain text and CSL-JSON reference to download
       (files the site writes beside the page). The copy buttons need a script: hidden
       until cite.js shows them. -->
  <xsl:template name="cite-and-download">
    <xsl:if test="$citation">
      <xsl:variable name="file" select="string-join(for $part in tokenize($stem, '/') return encode-for-uri($part), '/')"/>
      <section class="cite" aria-labelledby="cite-title">
        <h2 id="cite-title">Cite this document</h2>
        <h3 id="cite-chicago-title">Chicago</h3>
        <p class="cite-text" id="cite-chicago"><xsl:value-of select="$citation/citation/chicago"/></p>
        <p class="cite-actions" hidden="">
          <button type="button" class="copy" data-copy="cite-chicago"
              aria-describedby="cite-chicago-title">Copy</button>
        </p>
        <h3 id="cite-bibtex-title">BibTeX</h3>
        <pre class="cite-text" id="cite-bibtex"><xsl:value-of select="$citation/citation/bibtex"/></pre>
        <p class="cite-actions" hidden="">
          <button type="button" class="copy" data-copy="cite-bibtex"
              aria-describedby="cite-bibtex-title">Copy</button>
        </p>
        <p class="copy-status" role="status" aria-live="polite"></p>
        <h3>Download</h3>
        <ul class="downloads">
          <li><a href="{$root}tei/{$file}.xml" download="" type="application/tei+xml">TEI XML</a>
            (the encoded document)</li>
          <li><a href="{$root}text/{$file}.txt" download="" type="text/plain">Plain text</a></li>
          <li><a href="{$root}cite/{$file}.json" download="" type="application/vnd.citationstyles.csl+json">CSL-JSON</a>
            (the reference, for Zotero and other reference managers)</li>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Previous and next by date, when the page is part of a site. -->
  <xsl:template name="pager">
    <xsl:variable name="documents" select="f:chronological($edition)"/>
    <xsl:variable name="position" select="index-of($documents ! string(@stem), $stem)[1]"/>
    <xsl:if test="exists($position)">
      <xsl:variable name="previous" select="$documents[$position - 1]"/>
      <xsl:variable name="next" select="$documents[$position + 1]"/>
      <nav class="pager" aria-label="Previous and next document">
        <ul>
          <li class="previous">
            <xsl:if test="$previous">
              <a href="{$root}{$previous/@href}" rel="prev">
                <span class="pager-label">Previous</span>
                <span class="pager-title"><xsl:value-of select="f:title($previous/tei:TEI)"/></span>
              </a>
            </xsl:if>
          </li>
          <li class="next">
            <xsl:if test="$next">
              <a href="{$root}{$next/@href}" rel="next">
                <span class="pager-label">Next</span>
                <span class="pager-title"><xsl:value-of select="f:title($next/tei:TEI)"/></span>
              </a>
            </xsl:if>
          </li>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- Header-only elements that reach the body are shown by their text. -->
  <xsl:template match="tei:*">
    <xsl:apply-templates/>
  </xsl:template>

</xsl:stylesheet>
