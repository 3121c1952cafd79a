<?xml version="1.0" encoding="UTF-8"?>
<!-- The context a register page quotes for a mention: the words around it in its own
     block. Used when a document's site record is made (site-summary.xsl), so the register
     pages never need the documents' texts. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- The first mention with some words either side, from its own paragraph or note
       (a note inside the paragraph is not part of the paragraph's words). -->
  <xsl:template name="context">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="block" select="f:block($mention)"/>
    <xsl:variable name="texts" select="$block//text()[f:block(.) is $block]"/>
    <xsl:variable name="width" select="70"/>
    <xsl:variable name="before" select="f:squeezed-near(reverse($texts[. &lt;&lt; $mention]),
        $width, true())"/>
    <xsl:variable name="after" select="f:squeezed-near(($texts except $mention//text())
        [. &gt;&gt; $mention], $width, false())"/>
    <span class="context">
      <xsl:text>“</xsl:text>
      <xsl:value-of select="if (string-length($before) gt $width)
          then '…' || replace(substring($before, string-length($before) - $width), '^\S*\s', '')
          else replace($before, '^\s+', '')"/>
      <strong><xsl:value-of select="normalize-space($mention)"/></strong>
      <xsl:value-of select="if (string-length($after) gt $width)
          then replace(substring($after, 1, $width), '\s\S*$', '') || '…'
          else replace($after, '\s+$', '')"/>
      <xsl:text>”</xsl:text>
    </span>
  </xsl:template>

  <!-- The squeezed text of $texts, or of enough of it: once more than $width characters
       are squeezed, the texts further from the mention cannot change the $width + 1
       characters next to it (squeezing a text's end gives the end of the whole squeezed,
       and its start the start) nor whether the whole is longer than $width, which is all
       the quote takes. $texts are given nearest first; $before: they come before the
       mention (each is put in front of those taken). A mention late in a long paragraph
       no longer squeezes the whole paragraph before it. -->
  <xsl:function name="f:squeezed-near" as="xs:string">
    <xsl:param name="texts" as="text()*"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:param name="before" as="xs:boolean"/>
    <xsl:iterate select="$texts">
      <xsl:param name="joined" as="xs:string" select="''"/>
      <xsl:on-completion select="f:squeeze($joined)"/>
      <xsl:variable name="longer" select="if ($before) then string(.) || $joined
          else $joined || string(.)"/>
      <xsl:variable name="squeezed" select="f:squeeze($longer)"/>
      <xsl:choose>
        <xsl:when test="string-length($squeezed) gt $width">
          <xsl:break select="$squeezed"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:next-iteration><xsl:with-param name="joined" select="$longer"/></xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- replace($text, '\s+', ' '): each run of whitespace as one space. The regular
       expression ran over the whole text of the mention's block, twice per entry of the
       document, and cost more than the rest of the site record; normalize-space (whose
       whitespace is the same four characters as \s) does the inner runs, and a space is
       put back where the text began or ended with whitespace. -->
  <xsl:function name="f:squeeze" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="inner" select="normalize-space($text)"/>
    <xsl:sequence select="if ($inner eq '') then substring(' ', 1, string-length($text))
        else (if (f:is-space(substring($text, 1, 1))) then ' ' else '') || $inner
          || (if (f:is-space(substring($text, string-length($text)))) then ' ' else '')"/>
  </xsl:function>

  <xsl:function name="f:is-space" as="xs:boolean">
    <xsl:param name="character" as="xs:string"/>
    <xsl:sequence select="normalize-space($character) eq ''"/>
  </xsl:function>

</xsl:stylesheet>
