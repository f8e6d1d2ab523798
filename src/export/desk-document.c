/* desk-document.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A report laid out on pages with Pango, drawn with Cairo, without GTK or a display: the PDF
 * export writes its pages, and the window prints them, so that paper and PDF look the same.
 * Pages are laid out once, each into a recording surface; only then is the page count known,
 * and each page gets its running header (incident title, export time) and footer ("Page 2 of
 * 5"). A page is then drawn by replaying its surface onto any cairo_t, on any thread: nothing
 * of Pango is left to share. Tables size their columns to their content, break between rows and
 * repeat their heading row on each page. Fonts are asked for by family, Cantarell first and
 * Noto Sans CJK JP for what Cantarell lacks, so that Japanese prints in a Japanese font.
 *
 * Lengths are in points: Pango runs at 72 dpi, so a 9 pt font is 9 units of the page. */

#define G_LOG_DOMAIN "desk-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "desk-export-private.h"
#include "desk-labels.h"
#include "desk-document.h"

#define FONT_FAMILIES "Cantarell, Noto Sans CJK JP, sans-serif"

/* Page geometry */
#define MARGIN_SIDE       50.0
#define MARGIN_TOP        66.0
#define MARGIN_BOTTOM     62.0
#define HEADER_TEXT_Y     30.0
#define HEADER_RULE_Y     46.0
#define FOOTER_RULE_SPACE 44.0   /* from the bottom edge */
#define FOOTER_TEXT_SPACE 38.0

/* Tables */
#define CELL_PAD_X        5.0
#define CELL_PAD_Y        3.5
#define DETAIL_INDENT     10.0
#define UNDER_GAP         2.0
#define UNDER_KEY_SHARE   0.2    /* the widest a first column under which remarks do not go */

/* Facts on a line */
#define FACT_GAP          22.0
#define FACT_LABEL_GAP    6.0
#define BAR_WIDTH         56.0
#define BAR_HEIGHT        5.0
#define MAX_WORD_WIDTH    110.0  /* a longer word (a URL) wraps inside rather than widen its column */

/* Charts */
#define CHART_HEIGHT      180.0

/* The least share of the page's width a table without text columns takes. */
#define NARROW_TABLE      0.6

/* Tables with more columns than this turn the page sideways. */
#define MAX_PORTRAIT_COLUMNS 7

typedef struct
{
  double r, g, b;
} Colour;

static const Colour ink = { 0.118, 0.118, 0.118 };          /* #1e1e1e */
static const Colour dim = { 0.369, 0.361, 0.392 };          /* #5e5c64 */
static const Colour accent = { 0.102, 0.373, 0.706 };       /* #1a5fb4 */
static const Colour alert = { 0.753, 0.110, 0.157 };        /* #c01c28 */
static const Colour rule = { 0.816, 0.816, 0.835 };         /* #d0d0d5 */
static const Colour row_rule = { 0.871, 0.867, 0.855 };     /* #deddda */
static const Colour head_fill = { 0.941, 0.941, 0.949 };    /* #f0f0f2 */
static const Colour head_rule = { 0.604, 0.600, 0.588 };    /* #9a9996 */

typedef enum
{
  FONT_BODY,
  FONT_SMALL,
  FONT_SMALL_BOLD,
  FONT_CELL,
  FONT_CELL_BOLD,
  FONT_HEADING,
  FONT_KIND,
  FONT_TITLE,
  N_FONTS
} Font;

static const struct
{
  double       size;
  PangoWeight  weight;
} font_specs[N_FONTS] = {
  [FONT_BODY] = { 9.5, PANGO_WEIGHT_NORMAL },
  [FONT_SMALL] = { 7.5, PANGO_WEIGHT_NORMAL },
  [FONT_SMALL_BOLD] = { 7.5, PANGO_WEIGHT_BOLD },
  [FONT_CELL] = { 8.5, PANGO_WEIGHT_NORMAL },
  [FONT_CELL_BOLD] = { 8.0, PANGO_WEIGHT_BOLD },
  [FONT_HEADING] = { 12.5, PANGO_WEIGHT_BOLD },
  [FONT_KIND] = { 9.5, PANGO_WEIGHT_BOLD },
  [FONT_TITLE] = { 20.0, PANGO_WEIGHT_BOLD },
};

typedef struct
{
  char   *title;
  guint   page;   /* counted from 1 */
  double  x, y;
} Bookmark;

struct _DeskDocument
{
  GObject    parent_instance;

  double     width, height;
  GPtrArray *pages;      /* cairo_surface_t: recording surfaces, framed */
  GArray    *bookmarks;  /* Bookmark */
};

G_DEFINE_FINAL_TYPE (DeskDocument, desk_document, G_TYPE_OBJECT)

/* The laying out of a report onto the pages of a document. */
typedef struct
{
  DeskReport            *report;
  double                 width, height;
  double                 content_width;
  double                 content_bottom;

  PangoContext          *context;
  PangoFontDescription  *fonts[N_FONTS];

  GPtrArray             *pages;      /* the document's */
  cairo_t               *cr;         /* drawing on the last page */
  double                 y;          /* where the next block goes */
  GArray                *bookmarks;  /* the document's */
} Pager;

typedef struct
{
  GPtrArray   *cells;         /* PangoLayout, one per column of the grid */
  PangoLayout *under;         /* the remarks shown under the row, or NULL */
  double       cells_height;
  double       height;        /* of the whole row, padding included */
} RowLayout;

typedef struct
{
  guint   column;
  double  min, max;    /* content widths, padding included */
  double  want;        /* a share of the width left over */
  double  width;
} ColumnWidth;

/* Text {{{ */

/* Returns: (transfer full): a layout of @text in @font, wrapped at @width, or unwrapped when
 *   @width is negative */
static PangoLayout *
new_layout (Pager          *pager,
            const char     *text,
            Font            font,
            double          width,
            PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (pager->context);

  pango_layout_set_font_description (layout, pager->fonts[font]);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, alignment);
  if (width >= 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

/* Returns: how wide @layout is on one line, or, with @words, its widest word; it is left
 *   wrapped as needed for the latter */
static double
layout_width (PangoLayout *layout,
              gboolean     words)
{
  PangoRectangle logical;

  if (words)
    {
      /* Narrower than anything, breaking only between words: one word a line. */
      pango_layout_set_width (layout, 1);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
    }

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

static double
text_width (Pager      *pager,
            const char *text,
            Font        font,
            gboolean    words)
{
  g_autoptr(PangoLayout) layout = new_layout (pager, text, font, -1, PANGO_ALIGN_LEFT);

  return layout_width (layout, words);
}

/* Returns: (transfer full): the layout of a table cell; an alert's remark, or the whole alert
 *   when it has none, is in bold and the alert colour */
static PangoLayout *
cell_layout (Pager                *pager,
             const DeskReportCell *cell,
             double                width,
             PangoAlignment        alignment)
{
  PangoLayout *layout = new_layout (pager, cell->text, FONT_CELL, width, alignment);
  PangoAttrList *attributes;
  PangoAttribute *weight, *colour;
  guint start;

  if (!cell->alert)
    return layout;

  start = cell->remark ? cell->remark - cell->text : 0;
  weight = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  colour = pango_attr_foreground_new (alert.r * 65535, alert.g * 65535, alert.b * 65535);
  weight->start_index = colour->start_index = start;
  weight->end_index = colour->end_index = PANGO_ATTR_INDEX_TO_TEXT_END;

  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, weight);
  pango_attr_list_insert (attributes, colour);
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  return layout;
}

static void
set_colour (Pager        *pager,
            const Colour *colour)
{
  cairo_set_source_rgb (pager->cr, colour->r, colour->g, colour->b);
}

static void
show_layout (Pager        *pager,
             PangoLayout  *layout,
             double        x,
             double        y,
             const Colour *colour)
{
  set_colour (pager, colour);
  cairo_move_to (pager->cr, x, y);
  pango_cairo_show_layout (pager->cr, layout);
}

static void
draw_line (cairo_t      *cr,
           const Colour *colour,
           double        width,
           double        x0,
           double        y0,
           double        x1,
           double        y1)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

/* }}} */
/* Pages {{{ */

static void
start_page (Pager *pager)
{
  cairo_surface_t *page;
  cairo_rectangle_t extents = { 0, 0, pager->width, pager->height };

  g_clear_pointer (&pager->cr, cairo_destroy);
  page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  g_ptr_array_add (pager->pages, page);
  pager->cr = cairo_create (page);
  pager->y = MARGIN_TOP;
}

static gboolean
fits (Pager  *pager,
      double  height)
{
  return pager->y + height <= pager->content_bottom;
}

/* Starts a new page unless @height fits on this one, or the page is still empty (what does not
 * fit on an empty page would not fit on the next either). */
static gboolean
ensure_space (Pager  *pager,
              double  height)
{
  if (fits (pager, height) || pager->y <= MARGIN_TOP)
    return FALSE;

  start_page (pager);
  return TRUE;
}

/* Draws a layout that may be taller than the rest of the page line by line, breaking pages
 * between lines. */
static void
draw_flowing (Pager        *pager,
              PangoLayout  *layout,
              double        x,
              const Colour *colour)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double origin = pager->y;   /* where the layout's top would be on this page */

  set_colour (pager, colour);
  do
    {
      PangoRectangle logical;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = origin + pango_units_to_double (logical.y);
      bottom = top + pango_units_to_double (logical.height);
      if (bottom > pager->content_bottom && top > MARGIN_TOP)
        {
          start_page (pager);
          set_colour (pager, colour);
          origin = MARGIN_TOP - pango_units_to_double (logical.y);
          top = MARGIN_TOP;
          bottom = top + pango_units_to_double (logical.height);
        }

      cairo_move_to (pager->cr, x + pango_units_to_double (logical.x),
                     origin + pango_units_to_double (pango_layout_iter_get_baseline (iter)));
      pango_cairo_show_layout_line (pager->cr, pango_layout_iter_get_line_readonly (iter));
      pager->y = bottom;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

/* The running header and footer, drawn on each page once the page count is known. */
static void
draw_page_frame (Pager   *pager,
                 cairo_t *cr,
                 int      page)
{
  double right = pager->width - MARGIN_SIDE;
  double footer_y = pager->height - FOOTER_TEXT_SPACE;
  double title_width = pager->content_width * 0.6;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) exported = NULL;
  g_autoptr(PangoLayout) kind = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *page_text = NULL;

  title = new_layout (pager, pager->report->incident_title, FONT_SMALL_BOLD, title_width,
                      PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  exported = new_layout (pager, pager->report->exported_text, FONT_SMALL,
                         pager->content_width - title_width - 12, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (exported, PANGO_ELLIPSIZE_START);

  /* Translators: the page number in an exported document's footer, e.g. "Page 2 of 5" */
  page_text = g_strdup_printf (_("Page %d of %d"), page, (int) pager->pages->len);
  number = new_layout (pager, page_text, FONT_SMALL, pager->content_width * 0.3, PANGO_ALIGN_RIGHT);
  kind = new_layout (pager, pager->report->title, FONT_SMALL, pager->content_width * 0.65,
                     PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (kind, PANGO_ELLIPSIZE_END);

  cairo_set_source_rgb (cr, dim.r, dim.g, dim.b);
  cairo_move_to (cr, MARGIN_SIDE, HEADER_TEXT_Y);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, MARGIN_SIDE + title_width + 12, HEADER_TEXT_Y);
  pango_cairo_show_layout (cr, exported);
  draw_line (cr, &rule, 0.6, MARGIN_SIDE, HEADER_RULE_Y, right, HEADER_RULE_Y);

  draw_line (cr, &rule, 0.6, MARGIN_SIDE, pager->height - FOOTER_RULE_SPACE, right,
             pager->height - FOOTER_RULE_SPACE);
  cairo_set_source_rgb (cr, dim.r, dim.g, dim.b);
  cairo_move_to (cr, MARGIN_SIDE, footer_y);
  pango_cairo_show_layout (cr, kind);
  cairo_move_to (cr, right - pager->content_width * 0.3, footer_y);
  pango_cairo_show_layout (cr, number);
}

/* }}} */
/* Blocks {{{ */

static void
draw_title_block (Pager *pager)
{
  DeskReport *report = pager->report;
  g_autoptr(PangoLayout) kind = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) meta = NULL;
  g_autofree char *meta_text = NULL;

  kind = new_layout (pager, report->title, FONT_KIND, pager->content_width, PANGO_ALIGN_LEFT);
  show_layout (pager, kind, MARGIN_SIDE, pager->y, &accent);
  pager->y += layout_height (kind) + 3;

  title = new_layout (pager, report->incident_title, FONT_TITLE, pager->content_width,
                      PANGO_ALIGN_LEFT);
  show_layout (pager, title, MARGIN_SIDE, pager->y, &ink);
  pager->y += layout_height (title) + 5;

  meta_text = desk_report_header_text (report);
  meta = new_layout (pager, meta_text, FONT_BODY, pager->content_width, PANGO_ALIGN_LEFT);
  show_layout (pager, meta, MARGIN_SIDE, pager->y, &dim);
  pager->y += layout_height (meta) + 9;

  draw_line (pager->cr, &accent, 1.5, MARGIN_SIDE, pager->y, MARGIN_SIDE + pager->content_width,
             pager->y);
  pager->y += 8;
}

/* Draws a section's heading, on a new page unless @keep (what must follow it) fits too. */
static void
draw_heading (Pager      *pager,
              const char *text,
              double      keep)
{
  g_autoptr(PangoLayout) layout = new_layout (pager, text, FONT_HEADING, pager->content_width,
                                              PANGO_ALIGN_LEFT);
  double height = layout_height (layout);
  Bookmark bookmark;

  if (pager->y > MARGIN_TOP)
    pager->y += 14;
  ensure_space (pager, height + 10 + keep);

  bookmark.title = g_strdup (text);
  bookmark.page = pager->pages->len;
  bookmark.x = MARGIN_SIDE;
  bookmark.y = pager->y;
  g_array_append_val (pager->bookmarks, bookmark);

  show_layout (pager, layout, MARGIN_SIDE, pager->y, &ink);
  pager->y += height + 3;
  draw_line (pager->cr, &rule, 0.6, MARGIN_SIDE, pager->y, MARGIN_SIDE + pager->content_width,
             pager->y);
  pager->y += 7;
}

static void
draw_paragraph (Pager        *pager,
                const char   *text,
                Font          font,
                const Colour *colour)
{
  g_autoptr(PangoLayout) layout = new_layout (pager, text, font, pager->content_width,
                                              PANGO_ALIGN_LEFT);

  draw_flowing (pager, layout, MARGIN_SIDE, colour);
  pager->y += 7;
}

typedef struct
{
  PangoLayout          *label;
  PangoLayout          *value;
  const DeskReportCell *cell;
  gboolean              bar;     /* a share, shown with a bar */
} InlineFact;

static void
inline_fact_clear (gpointer data)
{
  InlineFact *fact = data;

  g_object_unref (fact->label);
  g_object_unref (fact->value);
}

/* Draws facts short enough to share one line, "Progress 5 of 14 done   Complete 35% ▬▬▭",
 * a share with a bar; returns %FALSE and draws nothing when they do not fit. */
static gboolean
draw_facts_inline (Pager           *pager,
                   DeskReportTable *facts)
{
  g_autoptr(GArray) line = g_array_new (FALSE, FALSE, sizeof (InlineFact));
  double width = 0, height = 0, x = MARGIN_SIDE;

  g_array_set_clear_func (line, inline_fact_clear);
  for (guint c = 0; c < desk_report_table_get_n_columns (facts); c++)
    {
      const DeskReportColumn *column = desk_report_table_get_column (facts, c);
      InlineFact fact;

      if (!desk_report_table_is_shown (facts, c))
        continue;

      fact.cell = desk_report_table_get_cell (facts, 0, c);
      fact.label = new_layout (pager, column->title, FONT_BODY, -1, PANGO_ALIGN_LEFT);
      fact.value = new_layout (pager, fact.cell->text, FONT_KIND, -1, PANGO_ALIGN_LEFT);
      fact.bar = column->kind == DESK_REPORT_PERCENT;
      width += (line->len > 0 ? FACT_GAP : 0) + layout_width (fact.label, FALSE) +
               FACT_LABEL_GAP + layout_width (fact.value, FALSE) +
               (fact.bar ? FACT_LABEL_GAP + BAR_WIDTH : 0);
      height = MAX (height, MAX (layout_height (fact.label), layout_height (fact.value)));
      g_array_append_val (line, fact);
    }

  if (width > pager->content_width)
    return FALSE;

  ensure_space (pager, height);
  for (guint i = 0; i < line->len; i++)
    {
      const InlineFact *fact = &g_array_index (line, InlineFact, i);
      double bar_y = pager->y + (height - BAR_HEIGHT) / 2;

      show_layout (pager, fact->label, x, pager->y, &dim);
      x += layout_width (fact->label, FALSE) + FACT_LABEL_GAP;
      show_layout (pager, fact->value, x, pager->y, &ink);
      x += layout_width (fact->value, FALSE);

      if (fact->bar)
        {
          x += FACT_LABEL_GAP;
          set_colour (pager, &row_rule);
          cairo_rectangle (pager->cr, x, bar_y, BAR_WIDTH, BAR_HEIGHT);
          cairo_fill (pager->cr);
          set_colour (pager, &accent);
          cairo_rectangle (pager->cr, x, bar_y,
                           BAR_WIDTH * CLAMP (fact->cell->number, 0, 100) / 100, BAR_HEIGHT);
          cairo_fill (pager->cr);
          x += BAR_WIDTH;
        }
      x += FACT_GAP;
    }

  pager->y += height + 8;
  return TRUE;
}

/* The facts on a line, or as two columns, labels and their values, when they do not fit. */
static void
draw_facts (Pager           *pager,
            DeskReportTable *facts)
{
  guint n_columns = desk_report_table_get_n_columns (facts);
  double label_width = 0, value_x;

  if (draw_facts_inline (pager, facts))
    return;

  for (guint c = 0; c < n_columns; c++)
    if (desk_report_table_is_shown (facts, c))
      label_width = MAX (label_width,
                         text_width (pager, desk_report_table_get_column (facts, c)->title,
                                     FONT_BODY, FALSE));
  label_width = MIN (label_width, pager->content_width * 0.3);
  value_x = MARGIN_SIDE + label_width + 16;

  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(PangoLayout) label = NULL;
      g_autoptr(PangoLayout) value = NULL;

      if (!desk_report_table_is_shown (facts, c))
        continue;

      label = new_layout (pager, desk_report_table_get_column (facts, c)->title, FONT_BODY,
                          label_width, PANGO_ALIGN_LEFT);
      value = new_layout (pager, desk_report_table_get_cell (facts, 0, c)->text, FONT_BODY,
                          MARGIN_SIDE + pager->content_width - value_x, PANGO_ALIGN_LEFT);
      ensure_space (pager, layout_height (label));
      show_layout (pager, label, MARGIN_SIDE, pager->y, &dim);
      draw_flowing (pager, value, value_x, &ink);
      pager->y += 3;
    }

  pager->y += 4;
}

static gboolean
is_numeric (DeskReportKind kind)
{
  return kind == DESK_REPORT_COUNT || kind == DESK_REPORT_PERCENT;
}

static gboolean
is_text (DeskReportTable   *table,
         const ColumnWidth *column)
{
  return desk_report_table_get_column (table, column->column)->kind == DESK_REPORT_TEXT;
}

/* Returns: the narrowest a cell of a column of dates and times can be: the day on one line, the
 *   time and a remark each on their own */
static double
time_min_width (Pager                *pager,
                const DeskReportCell *cell)
{
  g_autofree char *day = desk_format_date_in_zone (cell->number, pager->report->zone);
  double width = day ? text_width (pager, day, FONT_CELL, FALSE) : 0;

  if (cell->remark != NULL)
    {
      DeskReportCell remark = { .text = (char *) cell->remark, .alert = cell->alert };
      g_autoptr(PangoLayout) layout = cell_layout (pager, &remark, -1, PANGO_ALIGN_LEFT);

      width = MAX (width, layout_width (layout, FALSE));
    }
  return width;
}

/* Column widths much as HTML sizes automatic tables: every column gets the width its content
 * takes on one line if all fit; otherwise each gets at least its widest word (text) or value
 * (the rest; a time may go under its day), and what is left goes to the columns that would
 * still wrap, by how much more they want and how many of their cells have something in them:
 * a long note on one row in fifty should not take the width the customer names need. */
static GArray *
size_columns (Pager           *pager,
              DeskReportTable *table)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (ColumnWidth));
  guint n_rows = desk_report_table_get_n_rows (table);
  double sum_min = 0, sum_max = 0, flexible = 0;
  double available = pager->content_width;

  for (guint c = 0; c < desk_report_table_get_n_columns (table); c++)
    {
      const DeskReportColumn *info = desk_report_table_get_column (table, c);
      ColumnWidth column = { c, 0, 0, 0, 0 };
      guint n_filled = 0;

      if (!desk_report_table_is_grid (table, c))
        continue;

      column.max = text_width (pager, info->title, FONT_CELL_BOLD, FALSE);
      column.min = text_width (pager, info->title, FONT_CELL_BOLD, TRUE);
      for (guint r = 0; r < n_rows; r++)
        {
          const DeskReportCell *cell = desk_report_table_get_cell (table, r, c);
          g_autoptr(PangoLayout) layout = NULL;
          double natural, least;

          if (cell->blank)
            continue;

          n_filled++;
          layout = cell_layout (pager, cell, -1, PANGO_ALIGN_LEFT);
          natural = layout_width (layout, FALSE);
          if (c == 0 && (desk_report_table_get_row_flags (table, r) & DESK_REPORT_ROW_DETAIL))
            natural += DETAIL_INDENT;

          if (info->kind == DESK_REPORT_TEXT)
            least = MIN (layout_width (layout, TRUE), MAX_WORD_WIDTH);
          else if (info->kind == DESK_REPORT_TIME)
            least = time_min_width (pager, cell);
          else
            least = natural;

          column.max = MAX (column.max, natural);
          column.min = MAX (column.min, least);
        }

      column.min += 2 * CELL_PAD_X;
      column.max = MAX (column.max + 2 * CELL_PAD_X, column.min);
      column.want = (column.max - column.min) * n_filled / MAX (n_rows, 1);
      sum_min += column.min;
      sum_max += column.max;
      if (info->kind == DESK_REPORT_TEXT)
        flexible += column.max;
      g_array_append_val (columns, column);
    }

  if (sum_max <= available)
    {
      /* Room to spare goes to the text columns. A table of figures and words only is not
       * stretched across the page: its numbers would end up far from what they count. */
      for (guint i = 0; i < columns->len; i++)
        {
          ColumnWidth *column = &g_array_index (columns, ColumnWidth, i);

          column->width = column->max;
          if (flexible > 0 && is_text (table, column))
            column->width += (available - sum_max) * column->max / flexible;
          else if (flexible == 0 && i == 0)
            column->width += MAX (available * NARROW_TABLE, sum_max) - sum_max;
        }
    }
  else if (sum_min <= available)
    {
      /* Values that do not wrap (or a time that would go under its day) first, as far as
       * they can; the text columns share the rest. */
      double rest = available - sum_min, fixed_want = 0, fixed_share, text_want = 0;

      for (guint i = 0; i < columns->len; i++)
        {
          const ColumnWidth *column = &g_array_index (columns, ColumnWidth, i);

          if (is_text (table, column))
            text_want += column->want;
          else
            fixed_want += column->max - column->min;
        }

      fixed_share = fixed_want > rest ? rest / fixed_want : 1.0;
      rest -= fixed_want * fixed_share;
      for (guint i = 0; i < columns->len; i++)
        {
          ColumnWidth *column = &g_array_index (columns, ColumnWidth, i);

          if (!is_text (table, column))
            column->width = column->min + (column->max - column->min) * fixed_share;
          else if (text_want > 0)
            column->width = column->min + rest * column->want / text_want;
          else
            column->width = column->min;
        }
    }
  else
    {
      for (guint i = 0; i < columns->len; i++)
        {
          ColumnWidth *column = &g_array_index (columns, ColumnWidth, i);

          column->width = column->min * available / sum_min;
        }
    }

  return columns;
}

static void
row_layout_free (RowLayout *self)
{
  g_ptr_array_unref (self->cells);
  g_clear_object (&self->under);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RowLayout, row_layout_free)

static double
table_width (GArray *columns)
{
  double width = 0;

  for (guint i = 0; i < columns->len; i++)
    width += g_array_index (columns, ColumnWidth, i).width;

  return width;
}

/* Where the remarks under a row start: under the second column when the first is a short key
 * (a number, a contract), under the first otherwise. */
static double
under_offset (GArray *columns)
{
  double first = g_array_index (columns, ColumnWidth, 0).width;

  return columns->len > 1 && first <= table_width (columns) * UNDER_KEY_SHARE ? first : 0;
}

/* Returns: (transfer full) (nullable): the remarks shown under @row, each after its column's
 *   title ("Note: …"), or %NULL when it has none */
static PangoLayout *
under_layout (Pager           *pager,
              DeskReportTable *table,
              GArray          *columns,
              guint            row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PangoAttrList *attributes = pango_attr_list_new ();
  PangoLayout *layout = NULL;

  for (guint c = 0; c < desk_report_table_get_n_columns (table); c++)
    {
      const DeskReportCell *cell = desk_report_table_get_cell (table, row, c);
      PangoAttribute *weight;

      if (desk_report_table_is_grid (table, c) || !desk_report_table_is_shown (table, c) ||
          cell->blank)
        continue;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      weight = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      weight->start_index = text->len;
      g_string_append (text, desk_report_table_get_column (table, c)->title);
      /* Translators: between a label and its value, as in "Status: Investigating" */
      g_string_append (text, _(":"));
      weight->end_index = text->len;
      pango_attr_list_insert (attributes, weight);
      g_string_append_c (text, ' ');
      g_string_append (text, cell->text);
    }

  if (text->len > 0)
    {
      layout = new_layout (pager, text->str, FONT_CELL,
                           table_width (columns) - under_offset (columns) - 2 * CELL_PAD_X,
                           PANGO_ALIGN_LEFT);
      pango_layout_set_attributes (layout, attributes);
    }
  pango_attr_list_unref (attributes);
  return layout;
}

/* Returns: (transfer full): the layouts of a row's cells and remarks (or, for @row -1, of the
 *   column headings) and their height */
static RowLayout *
layout_row (Pager           *pager,
            DeskReportTable *table,
            GArray          *columns,
            int              row)
{
  RowLayout *self = g_new0 (RowLayout, 1);

  self->cells = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < columns->len; i++)
    {
      const ColumnWidth *column = &g_array_index (columns, ColumnWidth, i);
      const DeskReportColumn *info = desk_report_table_get_column (table, column->column);
      PangoAlignment alignment = is_numeric (info->kind) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
      double width = column->width - 2 * CELL_PAD_X;
      PangoLayout *layout;

      if (row < 0)
        layout = new_layout (pager, info->title, FONT_CELL_BOLD, width, alignment);
      else
        {
          if (i == 0 && (desk_report_table_get_row_flags (table, row) & DESK_REPORT_ROW_DETAIL))
            width -= DETAIL_INDENT;
          layout = cell_layout (pager, desk_report_table_get_cell (table, row, column->column),
                                width, alignment);
        }

      self->cells_height = MAX (self->cells_height, layout_height (layout));
      g_ptr_array_add (self->cells, layout);
    }

  self->height = self->cells_height + 2 * CELL_PAD_Y;
  if (row >= 0 && (self->under = under_layout (pager, table, columns, row)) != NULL)
    self->height += UNDER_GAP + layout_height (self->under);

  return self;
}

static void
draw_table_head (Pager     *pager,
                 GArray    *columns,
                 RowLayout *head)
{
  double x = MARGIN_SIDE;

  cairo_set_source_rgb (pager->cr, head_fill.r, head_fill.g, head_fill.b);
  cairo_rectangle (pager->cr, MARGIN_SIDE, pager->y, table_width (columns), head->height);
  cairo_fill (pager->cr);

  for (guint i = 0; i < columns->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (head->cells, i);

      /* Headings sit on the bottom line, above the values they name. */
      show_layout (pager, layout, x + CELL_PAD_X,
                   pager->y + head->height - CELL_PAD_Y - layout_height (layout), &dim);
      x += g_array_index (columns, ColumnWidth, i).width;
    }

  pager->y += head->height;
  draw_line (pager->cr, &head_rule, 0.8, MARGIN_SIDE, pager->y, MARGIN_SIDE + table_width (columns),
             pager->y);
}

static void
draw_row (Pager           *pager,
          DeskReportTable *table,
          GArray          *columns,
          guint            row,
          RowLayout       *layouts)
{
  gboolean detail = desk_report_table_get_row_flags (table, row) & DESK_REPORT_ROW_DETAIL;
  double x = MARGIN_SIDE;

  for (guint i = 0; i < columns->len; i++)
    {
      double indent = i == 0 && detail ? DETAIL_INDENT : 0;

      show_layout (pager, g_ptr_array_index (layouts->cells, i), x + CELL_PAD_X + indent,
                   pager->y + CELL_PAD_Y, detail && i == 0 ? &dim : &ink);
      x += g_array_index (columns, ColumnWidth, i).width;
    }

  if (layouts->under != NULL)
    show_layout (pager, layouts->under, MARGIN_SIDE + under_offset (columns) + CELL_PAD_X,
                 pager->y + CELL_PAD_Y + layouts->cells_height + UNDER_GAP, &dim);

  pager->y += layouts->height;
  draw_line (pager->cr, &row_rule, 0.5, MARGIN_SIDE, pager->y, MARGIN_SIDE + table_width (columns),
             pager->y);
}

/* Draws @table; the rows go on as many pages as they take, each page starting with a line that
 * says which section goes on and the heading row. */
static void
draw_table (Pager             *pager,
            DeskReportSection *section,
            DeskReportTable   *table,
            GArray            *columns)
{
  g_autoptr(RowLayout) head = layout_row (pager, table, columns, -1);
  g_autoptr(RowLayout) first = NULL;
  g_autofree char *continued = NULL;

  /* Translators: above the rest of a table on the next page, e.g. "Open checklist items
   * (continued)" */
  continued = g_strdup_printf (_("%s (continued)"), section->title);

  /* Not the heading row alone at the foot of a page. */
  first = layout_row (pager, table, columns, 0);
  ensure_space (pager, head->height + first->height);
  draw_table_head (pager, columns, head);

  for (guint r = 0; r < desk_report_table_get_n_rows (table); r++)
    {
      g_autoptr(RowLayout) row = layout_row (pager, table, columns, r);

      if (ensure_space (pager, row->height))
        {
          g_autoptr(PangoLayout) caption = new_layout (pager, continued, FONT_SMALL,
                                                       pager->content_width, PANGO_ALIGN_LEFT);

          show_layout (pager, caption, MARGIN_SIDE, pager->y, &dim);
          pager->y += layout_height (caption) + 4;
          draw_table_head (pager, columns, head);
        }
      draw_row (pager, table, columns, r, row);
    }

  pager->y += 8;
}

/* Returns: the height that must follow a section's heading on its page, so that a heading never
 *   ends a page: a few lines of text, its chart, and the first row of the table */
static double
section_start_height (Pager             *pager,
                      DeskReportSection *section,
                      GArray            *columns)
{
  double line = font_specs[FONT_BODY].size * 1.3;
  double height = 0;

  if (section->text != NULL)
    height += 3 * line;
  if (section->facts != NULL)
    height += 2 * line;
  if (section->chart != NULL)
    height += CHART_HEIGHT;
  if (columns != NULL)
    {
      g_autoptr(RowLayout) head = layout_row (pager, section->table, columns, -1);
      g_autoptr(RowLayout) first = layout_row (pager, section->table, columns, 0);

      height += head->height + first->height;
    }

  return MAX (height, line);
}

/* A chart across the page, as tall as it reads well, whole on one page. */
static void
draw_chart (Pager     *pager,
            DeskChart *chart)
{
  DeskChartStyle style;

  desk_chart_style_init_paper (&style);
  style.font = pager->fonts[FONT_SMALL];

  ensure_space (pager, CHART_HEIGHT);
  cairo_save (pager->cr);
  cairo_translate (pager->cr, MARGIN_SIDE, pager->y);
  desk_chart_draw (chart, pager->cr, pager->content_width, CHART_HEIGHT, &style);
  cairo_restore (pager->cr);
  pager->y += CHART_HEIGHT + 7;
}

static void
draw_section (Pager             *pager,
              DeskReportSection *section)
{
  DeskReportTable *table = section->table;
  g_autoptr(GArray) columns = NULL;

  if (table != NULL && desk_report_table_get_n_rows (table) > 0)
    columns = size_columns (pager, table);

  draw_heading (pager, section->title, section_start_height (pager, section, columns));

  if (section->text != NULL)
    draw_paragraph (pager, section->text, FONT_BODY, &ink);
  if (section->facts != NULL)
    draw_facts (pager, section->facts);
  if (section->chart != NULL)
    draw_chart (pager, section->chart);
  if (columns != NULL)
    draw_table (pager, section, table, columns);
  else if (table != NULL && desk_report_table_get_empty_text (table) != NULL)
    draw_paragraph (pager, desk_report_table_get_empty_text (table), FONT_BODY, &dim);
}

/* }}} */
/* Pages, framed {{{ */

/* Whether the report's widest table needs the page sideways. */
static gboolean
wants_landscape (DeskReport *report)
{
  for (guint i = 0; i < report->sections->len; i++)
    {
      DeskReportSection *section = g_ptr_array_index (report->sections, i);
      guint n_shown = 0;

      if (section->table == NULL)
        continue;
      for (guint c = 0; c < desk_report_table_get_n_columns (section->table); c++)
        n_shown += desk_report_table_is_grid (section->table, c);
      if (n_shown > MAX_PORTRAIT_COLUMNS)
        return TRUE;
    }

  return FALSE;
}

/* Lays @report out on the pages of @self, and frames each page once their count is known. */
static void
lay_out (DeskDocument *self,
         DeskReport   *report)
{
  Pager pager = { 0 };
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();
  g_autofree char *language = _desk_export_language ();

  pager.report = report;
  pager.width = self->width;
  pager.height = self->height;
  pager.content_width = pager.width - 2 * MARGIN_SIDE;
  pager.content_bottom = pager.height - MARGIN_BOTTOM;
  pager.pages = self->pages;
  pager.bookmarks = self->bookmarks;

  /* Metrics as designed, not snapped to a screen's pixels: the same layout at any zoom. */
  pager.context = pango_font_map_create_context (font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pager.context, options);
  pango_cairo_context_set_resolution (pager.context, 72);
  pango_context_set_language (pager.context, pango_language_from_string (language));
  cairo_font_options_destroy (options);

  for (guint i = 0; i < N_FONTS; i++)
    {
      pager.fonts[i] = pango_font_description_from_string (FONT_FAMILIES);
      pango_font_description_set_size (pager.fonts[i],
                                       pango_units_from_double (font_specs[i].size));
      pango_font_description_set_weight (pager.fonts[i], font_specs[i].weight);
    }

  start_page (&pager);
  draw_title_block (&pager);
  for (guint i = 0; i < report->sections->len; i++)
    draw_section (&pager, g_ptr_array_index (report->sections, i));
  g_clear_pointer (&pager.cr, cairo_destroy);

  for (guint i = 0; i < self->pages->len; i++)
    {
      cairo_t *cr = cairo_create (g_ptr_array_index (self->pages, i));

      draw_page_frame (&pager, cr, i + 1);
      cairo_destroy (cr);
    }

  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (pager.fonts[i]);
  g_object_unref (pager.context);
}

/* }}} */
/* GObject {{{ */

static void
bookmark_clear (gpointer data)
{
  g_free (((Bookmark *) data)->title);
}

static void
desk_document_finalize (GObject *object)
{
  DeskDocument *self = DESK_DOCUMENT (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->bookmarks, g_array_unref);

  G_OBJECT_CLASS (desk_document_parent_class)->finalize (object);
}

static void
desk_document_class_init (DeskDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_document_finalize;
}

static void
desk_document_init (DeskDocument *self)
{
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  self->bookmarks = g_array_new (FALSE, FALSE, sizeof (Bookmark));
  g_array_set_clear_func (self->bookmarks, bookmark_clear);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_document_get_page_size:
 * @paper: the paper the report is for
 * @width: (out): the page's width, in points
 * @height: (out): the page's height, in points
 *
 * Gives the page @report is best laid out on: @paper, turned sideways when a table has too many
 * columns for it upright (the ledger's).
 */
void
desk_document_get_page_size (DeskReport *report,
                             DeskPaper   paper,
                             double     *width,
                             double     *height)
{
  double short_side = paper == DESK_PAPER_LETTER ? 612.0 : 595.276;
  double long_side = paper == DESK_PAPER_LETTER ? 792.0 : 841.89;
  gboolean landscape;

  g_return_if_fail (report != NULL);
  g_return_if_fail (width != NULL && height != NULL);

  landscape = wants_landscape (report);
  *width = landscape ? long_side : short_side;
  *height = landscape ? short_side : long_side;
}

/**
 * desk_document_new:
 * @report: what to lay out; the document does not keep it
 * @width: the pages' width, in points
 * @height: the pages' height, in points
 *
 * Lays @report out on pages of @width by @height points, margins included. It may run on a
 * worker thread; the document can then be drawn on any other.
 *
 * Returns: (transfer full): the document, of at least one page
 */
DeskDocument *
desk_document_new (DeskReport *report,
                   double      width,
                   double      height)
{
  DeskDocument *self;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (width > 2 * MARGIN_SIDE && height > MARGIN_TOP + MARGIN_BOTTOM, NULL);

  self = g_object_new (DESK_TYPE_DOCUMENT, NULL);
  self->width = width;
  self->height = height;
  lay_out (self, report);
  return self;
}

double
desk_document_get_width (DeskDocument *self)
{
  g_return_val_if_fail (DESK_IS_DOCUMENT (self), 0);

  return self->width;
}

double
desk_document_get_height (DeskDocument *self)
{
  g_return_val_if_fail (DESK_IS_DOCUMENT (self), 0);

  return self->height;
}

guint
desk_document_get_n_pages (DeskDocument *self)
{
  g_return_val_if_fail (DESK_IS_DOCUMENT (self), 0);

  return self->pages->len;
}

/**
 * desk_document_draw_page:
 * @cr: where to draw, in points, the page's top left corner at the origin
 * @page: the page, counted from 0
 *
 * Draws a page of @self, header and footer included, onto @cr.
 */
void
desk_document_draw_page (DeskDocument *self,
                         cairo_t      *cr,
                         guint         page)
{
  g_return_if_fail (DESK_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  cairo_set_source_surface (cr, g_ptr_array_index (self->pages, page), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

guint
desk_document_get_n_bookmarks (DeskDocument *self)
{
  g_return_val_if_fail (DESK_IS_DOCUMENT (self), 0);

  return self->bookmarks->len;
}

/**
 * desk_document_get_bookmark:
 * @index: which bookmark, in reading order
 * @page: (out): the page it points to, counted from 1
 * @x: (out): where on the page, in points from its left edge
 * @y: (out): and from its top edge
 *
 * The sections of the document, for a PDF's outline.
 *
 * Returns: (transfer none): the bookmark's title: its section's
 */
const char *
desk_document_get_bookmark (DeskDocument *self,
                            guint         index,
                            guint        *page,
                            double       *x,
                            double       *y)
{
  const Bookmark *bookmark;

  g_return_val_if_fail (DESK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->bookmarks->len, NULL);

  bookmark = &g_array_index (self->bookmarks, Bookmark, index);
  if (page != NULL)
    *page = bookmark->page;
  if (x != NULL)
    *x = bookmark->x;
  if (y != NULL)
    *y = bookmark->y;
  return bookmark->title;
}

/* }}} */
