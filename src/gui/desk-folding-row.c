/* desk-folding-row.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A row of children that folds in two steps as its width runs short: first the last child
 * stays beside a column of the others, then they all go in one column. A GtkFlowBox would move
 * what does not fit to a line of its own, as tall as the tallest on the line above; folding
 * keeps the height down at every width, for a summary above a list. Rather than breakpoints
 * (none in libadwaita 1.2), the natural widths of the children decide where it folds, so it
 * follows their text in every language. Children are <child> elements in a .ui file. */

#define G_LOG_DOMAIN "desk-folding-row"

#include "config.h"

#include "desk-folding-row.h"

struct _DeskFoldingRow
{
  GtkWidget parent_instance;

  int spacing;
};

G_DEFINE_FINAL_TYPE (DeskFoldingRow, desk_folding_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Layout {{{ */

/* Returns: (transfer container): the children to lay out, in order */
static GPtrArray *
get_children (DeskFoldingRow *self)
{
  GPtrArray *children = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      g_ptr_array_add (children, child);

  return children;
}

/* Returns: the height of @child when @width wide at @x, @y of a row @row_width wide; allocates
 *   it there if @allocate */
static int
place_child (DeskFoldingRow *self,
             GtkWidget      *child,
             int             x,
             int             y,
             int             width,
             int             row_width,
             gboolean        allocate)
{
  int minimum, height;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &minimum, &height, NULL, NULL);
  if (allocate)
    {
      if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
        x = row_width - x - width;
      gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
    }

  return height;
}

/* Lays the children out in @width, as far side by side as it allows, and returns the height
 * they take. Measuring and allocating both come here, so they cannot disagree. */
static int
lay_out (DeskFoldingRow *self,
         int             width,
         gboolean        allocate)
{
  g_autoptr(GPtrArray) children = get_children (self);
  g_autofree int *naturals = NULL;
  int n = children->len;
  int spacing = self->spacing;
  int row_natural = -spacing;
  int column_natural = 0;
  int last_minimum = 0;
  int height = 0;
  int y = 0;

  if (n == 0)
    return 0;

  naturals = g_new (int, n);
  for (int i = 0; i < n; i++)
    {
      int minimum;

      gtk_widget_measure (children->pdata[i], GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, &naturals[i], NULL, NULL);
      row_natural += naturals[i] + spacing;
      if (i < n - 1)
        column_natural = MAX (column_natural, naturals[i]);
      else
        last_minimum = minimum;
    }

  if (width >= row_natural)
    {
      /* Side by side, sharing out what is left over alike. */
      int extra = width - row_natural;
      int x = 0;

      for (int i = 0; i < n; i++)
        {
          int child_width = naturals[i] + extra / n + (i < extra % n ? 1 : 0);

          height = MAX (height, place_child (self, children->pdata[i], x, 0, child_width, width,
                                             allocate));
          x += child_width + spacing;
        }
    }
  else if (n > 1 && width >= column_natural + spacing + last_minimum)
    {
      /* All but the last in a column beside it, as wide as it would like: the last may be
       * narrower (its text wraps, where narrower lines in the column would be cut short). What
       * is left over once both have their natural widths, they share alike. */
      int room = width - spacing;
      int column_width = column_natural + MAX (room - column_natural - naturals[n - 1], 0) / 2;
      int last_width = room - column_width;

      for (int i = 0; i < n - 1; i++)
        y += place_child (self, children->pdata[i], 0, y, column_width, width, allocate)
             + spacing;
      height = MAX (y - spacing, place_child (self, children->pdata[n - 1],
                                              column_width + spacing, 0, last_width, width,
                                              allocate));
    }
  else
    {
      for (int i = 0; i < n; i++)
        y += place_child (self, children->pdata[i], 0, y, width, width, allocate) + spacing;
      height = y - spacing;
    }

  return height;
}

/* }}} */
/* GtkWidget {{{ */

static GtkSizeRequestMode
desk_folding_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
desk_folding_row_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  DeskFoldingRow *self = DESK_FOLDING_ROW (widget);
  g_autoptr(GPtrArray) children = NULL;
  int min_width = 0;
  int nat_width = 0;

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    {
      *minimum = *natural = lay_out (self, for_size, FALSE);
      return;
    }

  /* At its narrowest all in one column; at ease all side by side. */
  children = get_children (self);
  for (guint i = 0; i < children->len; i++)
    {
      int child_min, child_nat;

      gtk_widget_measure (children->pdata[i], GTK_ORIENTATION_HORIZONTAL, -1,
                          &child_min, &child_nat, NULL, NULL);
      min_width = MAX (min_width, child_min);
      nat_width += child_nat + (i > 0 ? self->spacing : 0);
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = min_width;
      *natural = nat_width;
    }
  else
    {
      *minimum = *natural = lay_out (self, nat_width, FALSE);
    }
}

static void
desk_folding_row_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  lay_out (DESK_FOLDING_ROW (widget), width, TRUE);
}

/* }}} */
/* GObject {{{ */

static void
desk_folding_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (desk_folding_row_parent_class)->dispose (object);
}

static void
desk_folding_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskFoldingRow *self = DESK_FOLDING_ROW (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, desk_folding_row_get_spacing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_folding_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DeskFoldingRow *self = DESK_FOLDING_ROW (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      desk_folding_row_set_spacing (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_folding_row_class_init (DeskFoldingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_folding_row_dispose;
  object_class->get_property = desk_folding_row_get_property;
  object_class->set_property = desk_folding_row_set_property;

  widget_class->get_request_mode = desk_folding_row_get_request_mode;
  widget_class->measure = desk_folding_row_measure;
  widget_class->size_allocate = desk_folding_row_size_allocate;

  /**
   * DeskFoldingRow:spacing:
   *
   * The space between children, across and down alike.
   */
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "foldingrow");
}

static void
desk_folding_row_init (DeskFoldingRow *self)
{
}

/* }}} */
/* Public API {{{ */

int
desk_folding_row_get_spacing (DeskFoldingRow *self)
{
  g_return_val_if_fail (DESK_IS_FOLDING_ROW (self), 0);

  return self->spacing;
}

void
desk_folding_row_set_spacing (DeskFoldingRow *self,
                              int             spacing)
{
  g_return_if_fail (DESK_IS_FOLDING_ROW (self));
  g_return_if_fail (spacing >= 0);

  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

/* }}} */
