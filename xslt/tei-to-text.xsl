<?xml version="1.0" encoding="UTF-8"?>
<!-- One TEI document to a plain reading version that reads like the source: a header
     block, the opener lines, paragraphs wrapped at 72 columns, the closer lines, and the
     footnotes at the end, referred to as [1], [2] ... where their markers stood. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:include href="common/functions.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="width" as="xs:integer" select="72"/>

  <xsl:variable name="tei" select="/tei:TEI" as="element(tei:TEI)"/>

  <xsl:template match="/">
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:sequence select="f:header-block()"/>
      <xsl:apply-templates select="$tei/tei:text/tei:body" mode="block"/>
      <xsl:sequence select="f:notes-block()"/>
    </xsl:variable>
    <!-- Blocks are separated by one blank line; the file ends with a newline. -->
    <xsl:value-of select="string-join($blocks[normalize-space()], '&#10;&#10;') || '&#10;'"/>
  </xsl:template>

  <xsl:function name="f:header-block" as="xs:string*">
    <xsl:variable name="title-lines" select="f:wrap(f:title($tei), '', '')"/>
    <xsl:variable name="rule" select="string-join((1 to max($title-lines ! string-length(.))) ! '=')"/>
    <xsl:variable name="date" select="f:creation-date($tei)"/>
    <xsl:variable name="citation"
        select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'citation'][1]"/>
    <xsl:sequence select="string-join(($title-lines, $rule), '&#10;')"/>
    <xsl:sequence select="string-join((
        $date ! f:lines('Date: ' || normalize-space(.), '      '),
        f:corresp-words($tei, 'sent') ! f:lines('From: ' || ., '      '),
        f:corresp-words($tei, 'received') ! f:lines('To: ' || ., '    ')), '&#10;')"/>
    <xsl:if test="$citation">
      <xsl:sequence select="'Citation:&#10;&#10;' || f:lines(string($citation), '')"/>
    </xsl:if>
    <xsl:variable name="summary" select="f:summary($tei)"/>
    <xsl:if test="$summary">
      <xsl:sequence select="'Summary:&#10;&#10;' || f:lines($summary, '')"/>
    </xsl:if>
    <xsl:sequence select="string-join((1 to $width) ! '-')"/>
  </xsl:function>

  <!-- Lines joined, the first starting with its own text, later ones with $indent. -->
  <xsl:function name="f:lines" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:sequence select="string-join(f:wrap($text, '', $indent), '&#10;')"/>
  </xsl:function>

  <!-- Greedy wrapping at $width columns; a word longer than a line (a URL) stands alone.
       A line at a time, not a word at a time (a fold over the words cost more than the
       rest of the text): the words that fit are those before the last space within the
       room left plus one character, and a line without such a space holds its first
       word alone. -->
  <xsl:function name="f:wrap" as="xs:string*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:param name="indent" as="xs:string"/>
    <!-- Never more lines than characters: the range only bounds the iteration. -->
    <xsl:iterate select="1 to string-length($text)">
      <xsl:param name="rest" as="xs:string" select="normalize-space($text)"/>
      <xsl:param name="start" as="xs:string" select="$prefix"/>
      <xsl:variable name="room" select="$width - string-length($start)"/>
      <xsl:choose>
        <xsl:when test="$rest eq ''">
          <xsl:break/>
        </xsl:when>
        <xsl:when test="string-length($rest) le $room or not(contains($rest, ' '))">
          <xsl:break select="$start || $rest"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="space" select="(index-of(string-to-codepoints(
              substring($rest, 1, $room + 1)), 32)[last()],
              string-length(substring-before($rest, ' ')) + 1)[1]"/>
          <xsl:sequence select="$start || substring($rest, 1, $space - 1)"/>
          <xsl:next-iteration>
            <xsl:with-param name="rest" select="substring($rest, $space + 1)"/>
            <xsl:with-param name="start" select="$indent"/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <xsl:template match="tei:body | tei:div" mode="block">
    <xsl:apply-templates select="*" mode="block"/>
  </xsl:template>

  <!-- Notes after the closer are listed with the others at the end. -->
  <xsl:template match="tei:div/tei:note[@place = 'foot']" mode="block"/>

  <xsl:template match="tei:p | tei:ab | tei:head" mode="block">
    <xsl:sequence select="f:lines(f:inline(.), '')"/>
  </xsl:template>

  <!-- Opener lines one to a line, as in the source. -->
  <xsl:template match="tei:opener" mode="block">
    <xsl:sequence select="string-join(* ! f:lines(f:inline(.), ''), '&#10;')"/>
  </xsl:template>

  <!-- The closing dateline shares its line with the first signature, as telegrams are
       signed; further signatures follow on their own lines. -->
  <xsl:template match="tei:closer" mode="block">
    <xsl:variable name="lines" as="xs:string*">
      <xsl:for-each-group select="*" group-starting-with="*[not(self::tei:signed
          and preceding-sibling::*[1][self::tei:dateline]
          and not(preceding-sibling::tei:signed))]">
        <xsl:sequence select="f:lines(string-join(current-group() ! f:inline(.), ' '), '')"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="string-join($lines, '&#10;&#10;')"/>
  </xsl:template>

  <xsl:template match="*" mode="block">
    <xsl:sequence select="f:lines(f:inline(.), '')"/>
  </xsl:template>

  <xsl:function name="f:inline" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$element/node()" mode="inline"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <xsl:template match="text()" mode="inline">
    <xsl:sequence select="string(.)"/>
  </xsl:template>

  <xsl:template match="tei:note[@place = 'foot']" mode="inline">
    <xsl:sequence select="'[' || f:note-number(.) || ']'"/>
  </xsl:template>

  <!-- Emphasis reads as the source wrote it: *Title* or _word_ (from @rend). -->
  <xsl:template match="(tei:hi | tei:title)[tokenize(@rend) = ('asterisks', 'underscores')]"
      mode="inline">
    <xsl:variable name="mark" select="if (tokenize(@rend) = 'asterisks') then '*' else '_'"/>
    <xsl:value-of select="$mark"/>
    <xsl:apply-templates mode="inline"/>
    <xsl:value-of select="$mark"/>
  </xsl:template>

  <xsl:template match="tei:pb" mode="inline"/>

  <xsl:template match="tei:lb" mode="inline">
    <xsl:sequence select="' '"/>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="inline"/>

  <xsl:function name="f:notes-block" as="xs:string?">
    <xsl:variable name="notes" select="$tei/tei:text//tei:note[@place = 'foot']"/>
    <xsl:if test="$notes">
      <xsl:variable name="entries" as="xs:string*">
        <xsl:for-each select="$notes">
          <xsl:variable name="marker" select="'[' || f:note-number(.) || '] '"/>
          <xsl:sequence select="string-join(f:wrap($marker || f:inline(.), '',
              string-join((1 to string-length($marker)) ! ' ')), '&#10;')"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:sequence select="'Notes&#10;&#10;' || string-join($entries, '&#10;')"/>
    </xsl:if>
  </xsl:function>

</xsl:stylesheet>
