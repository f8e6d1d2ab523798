/* desk-customer-columns.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The columns of the views over a DeskCustomerList (the Customers page and the notification
 * ledger): one GtkSignalListItemFactory per column whose cells are GtkInscriptions, filled by a
 * DeskCellFunc and refreshed when the row's records change, and column headers that sort in SQL.
 *
 * Sorting: the list sorts itself in SQL, so no GtkSortListModel sits between it and the view
 * (it would read every row). Each sortable column still gets a sorter, so that clicking its
 * header updates the view's sorter and draws the arrow, but that sorter never orders data: it is
 * a probe. GTK 4.8 has no public getter for the view's sort state (GtkColumnViewSorter is public
 * since 4.10), so desk_customer_columns_get_sort() asks the view's sorter to compare two probe
 * objects: it calls the sorter of the primary column first, which records its column on the
 * probes and answers "smaller", and inverts the answer when that column sorts descending. See
 * perf_testing.md §1, recommendation 4. With GTK 4.10 this becomes
 * gtk_column_view_sorter_get_primary_sort_column(). */

#define G_LOG_DOMAIN "desk-customer-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-labels.h"
#include "desk-notice-status.h"
#include "desk-customer-columns.h"

#define PROBE_KEY "desk-column-sort"
#define CELL_CLASS_KEY "desk-cell-class"
#define BINDING_KEY "desk-cell-binding"
#define LIST_ITEM_KEY "desk-cell-list-item"

typedef struct
{
  DeskCellFunc     func;
  gpointer         user_data;
  DeskColumnFlags  flags;
} Column;

/* What a bound cell listens to: the records of its row, whose changes it shows at once. */
typedef struct
{
  GtkListItem *list_item;   /* owns this binding */
  Column      *column;
  GObject     *records[3];
  gulong       handlers[3];
} CellBinding;

/* Sorting {{{ */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  g_object_set_data ((GObject *) a, PROBE_KEY, user_data);
  g_object_set_data ((GObject *) b, PROBE_KEY, user_data);

  return -1;
}

/* }}} */
/* Cells {{{ */

static void
update_cell (GtkListItem *list_item,
             Column      *column)
{
  DeskCustomerRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  const char *old_class = g_object_get_data (G_OBJECT (cell), CELL_CLASS_KEY);
  const char *css_class = NULL;
  g_autofree char *text = NULL;

  g_assert (DESK_IS_CUSTOMER_ROW (row));

  text = column->func (row, &css_class, column->user_data);

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  /* GtkInscription 4.8 does not tell assistive technologies what it shows. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "",
                                  -1);

  if (g_strcmp0 (old_class, css_class) != 0)
    {
      if (old_class != NULL)
        gtk_widget_remove_css_class (cell, old_class);
      if (css_class != NULL)
        gtk_widget_add_css_class (cell, css_class);
      g_object_set_data (G_OBJECT (cell), CELL_CLASS_KEY, (gpointer) css_class);
    }
}

/* Cells are as wide as their column: a text cut short shows whole in a tooltip. */
static gboolean
on_cell_query_tooltip_cb (GtkWidget  *cell,
                          int         x,
                          int         y,
                          gboolean    keyboard_mode,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (cell));
  g_autoptr(PangoLayout) layout = NULL;
  int text_width;

  if (text == NULL || *text == '\0')
    return FALSE;

  layout = gtk_widget_create_pango_layout (cell, text);
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  if (text_width <= gtk_widget_get_width (cell))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_record_notify_cb (GObject     *record,
                     GParamSpec  *pspec,
                     CellBinding *binding)
{
  update_cell (binding->list_item, binding->column);
}

static void
cell_binding_free (gpointer data)
{
  CellBinding *binding = data;

  for (guint i = 0; i < G_N_ELEMENTS (binding->records); i++)
    {
      if (binding->records[i] == NULL)
        continue;
      g_clear_signal_handler (&binding->handlers[i], binding->records[i]);
      g_clear_object (&binding->records[i]);
    }
  g_free (binding);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     Column                   *column)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 3);
  if (column->flags & DESK_COLUMN_NUMERIC)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
    }
  else
    {
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
    }
  gtk_list_item_set_child (list_item, cell);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    Column                   *column)
{
  DeskCustomerRow *row = gtk_list_item_get_item (list_item);
  CellBinding *binding = g_new0 (CellBinding, 1);

  binding->list_item = list_item;
  binding->column = column;
  binding->records[0] = (GObject *) desk_customer_row_get_customer (row);
  binding->records[1] = (GObject *) desk_customer_row_get_affected (row);
  binding->records[2] = (GObject *) desk_customer_row_get_notification (row);

  for (guint i = 0; i < G_N_ELEMENTS (binding->records); i++)
    {
      if (binding->records[i] == NULL)
        continue;
      g_object_ref (binding->records[i]);
      binding->handlers[i] = g_signal_connect (binding->records[i], "notify",
                                               G_CALLBACK (on_record_notify_cb), binding);
    }
  g_object_set_data_full (G_OBJECT (list_item), BINDING_KEY, binding, cell_binding_free);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), LIST_ITEM_KEY, list_item);

  update_cell (list_item, column);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      Column                   *column)
{
  /* Frees the binding, which disconnects it. */
  g_object_set_data (G_OBJECT (list_item), BINDING_KEY, NULL);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), LIST_ITEM_KEY, NULL);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_customer_columns_append:
 * @view: a column view over a DeskCustomerList (through a selection model)
 * @title: the column's translated title
 * @sort: the order a click on the header asks for, or %DESK_COLUMN_NO_SORT
 * @width: the column's initial width in pixels
 * @flags: how the column lays out its cells
 * @func: makes the text of a cell
 * @user_data: for @func; must outlive @view
 *
 * Returns: (transfer none): the column, appended to @view
 */
GtkColumnViewColumn *
desk_customer_columns_append (GtkColumnView    *view,
                              const char       *title,
                              int               sort,
                              int               width,
                              DeskColumnFlags   flags,
                              DeskCellFunc      func,
                              gpointer          user_data)
{
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  GtkListItemFactory *factory;
  Column *column;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  column = g_new0 (Column, 1);
  column->func = func;
  column->user_data = user_data;
  column->flags = flags;

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data_full (G_OBJECT (factory), "desk-column", column, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), column);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), column);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_column_set_expand (view_column, (flags & DESK_COLUMN_EXPAND) != 0);

  if (sort != DESK_COLUMN_NO_SORT)
    {
      g_autoptr(GtkSorter) sorter = NULL;

      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (sort + 1),
                                                  NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
    }

  gtk_column_view_append_column (view, view_column);

  return view_column;
}

/**
 * desk_customer_columns_get_sort:
 * @sort: (out): the order the sorted column stands for
 * @descending: (out): whether it sorts descending
 *
 * Reads which column's header the person chose to sort by (or which one
 * gtk_column_view_sort_by_column() chose), for a handler of the view's sorter's "changed".
 *
 * Returns: %TRUE if a column is sorted, %FALSE if none is (@sort and @descending unchanged)
 */
gboolean
desk_customer_columns_get_sort (GtkColumnView    *view,
                                DeskCustomerSort *sort,
                                gboolean         *descending)
{
  g_autoptr(GObject) a = NULL;
  g_autoptr(GObject) b = NULL;
  GtkSorter *sorter;
  GtkOrdering order;
  int column;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), FALSE);
  g_return_val_if_fail (sort != NULL && descending != NULL, FALSE);

  sorter = gtk_column_view_get_sorter (view);
  if (sorter == NULL)
    return FALSE;

  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);
  order = gtk_sorter_compare (sorter, a, b);
  column = GPOINTER_TO_INT (g_object_get_data (a, PROBE_KEY)) - 1;

  if (order == GTK_ORDERING_EQUAL || column < 0)
    return FALSE;

  *sort = column;
  *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}

static GtkListItem *
cell_list_item (GtkWidget *widget)
{
  return widget ? g_object_get_data (G_OBJECT (widget), LIST_ITEM_KEY) : NULL;
}

/**
 * desk_customer_columns_get_position_at:
 * @x: (in): a point in @view's coordinates, e.g. where a click landed
 *
 * GTK 4.8 cannot tell which row is at a point; this finds the cell there (or the row's first
 * cell, on the padding between cells) and asks its list item.
 *
 * Returns: the position of the row at (@x, @y), or %GTK_INVALID_LIST_POSITION (a header, or
 *   below the last row)
 */
guint
desk_customer_columns_get_position_at (GtkColumnView *view,
                                       double         x,
                                       double         y)
{
  GtkWidget *widget;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), GTK_INVALID_LIST_POSITION);

  for (widget = gtk_widget_pick (GTK_WIDGET (view), x, y, GTK_PICK_DEFAULT);
       widget != NULL && widget != GTK_WIDGET (view);
       widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);
      GtkListItem *item = cell_list_item (widget);

      /* The cell itself, its GtkColumnViewCell, or the row of cells */
      if (item == NULL)
        item = cell_list_item (child);
      if (item == NULL && child != NULL)
        item = cell_list_item (gtk_widget_get_first_child (child));

      if (item != NULL)
        return gtk_list_item_get_position (item);
    }

  return GTK_INVALID_LIST_POSITION;
}

/* }}} */
/* Shared cells {{{ */

/* A field of the row's customer; @user_data is the field's name. */
char *
desk_cell_customer_text (DeskCustomerRow  *row,
                         const char      **css_class,
                         gpointer          user_data)
{
  return g_strdup (desk_record_get_string (DESK_RECORD (desk_customer_row_get_customer (row)),
                                           user_data));
}

/* A field of the row's notice, empty without one; @user_data is the field's name. */
char *
desk_cell_notice_text (DeskCustomerRow  *row,
                       const char      **css_class,
                       gpointer          user_data)
{
  DeskRecord *notice = (DeskRecord *) desk_customer_row_get_notification (row);

  return notice ? g_strdup (desk_record_get_string (notice, user_data)) : NULL;
}

/* A time of the row's notice as a date, empty without one or before it happened; @user_data is
 * the field's name. */
char *
desk_cell_notice_date (DeskCustomerRow  *row,
                       const char      **css_class,
                       gpointer          user_data)
{
  DeskRecord *notice = (DeskRecord *) desk_customer_row_get_notification (row);

  return notice ? desk_format_date (desk_record_get_int (notice, user_data)) : NULL;
}

char *
desk_cell_notice_status (DeskCustomerRow  *row,
                         const char      **css_class,
                         gpointer          user_data)
{
  DeskNotification *notification = desk_customer_row_get_notification (row);
  DeskNotificationStatus status;

  if (notification == NULL)
    /* Translators: in place of a customer's notice status when it has no ledger row */
    return g_strdup (C_("notice status", "—"));

  status = desk_record_get_enum (DESK_RECORD (notification), "status");
  *css_class = desk_notice_status_css_class (status);
  return g_strdup (desk_notification_status_label (status));
}

/* }}} */
