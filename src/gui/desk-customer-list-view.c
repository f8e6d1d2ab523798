/* desk-customer-list-view.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskCustomerListView is the list of an incident's affected customers that the Customers page and
 * the notification ledger share: a search entry and a notice filter over a GtkColumnView of a
 * DeskCustomerList, the number of rows (and of those selected), and a row menu on a right click or
 * a long press.
 *
 * The list pages rows from SQLite and sorts, searches and filters in SQL, so the view hands every
 * such request to the list and reloads it, and never wraps it in GTK's sort or filter models (they
 * would read every row). The pages add the columns with desk_customer_columns_append() and, in
 * their templates, buttons beside the count (<child type="action">) and what to show when the
 * incident has no customers at all (<child type="empty">); without the latter, an empty list says
 * "No Matching Customers", and the page covers it with an empty state of its own.
 *
 * The view lives in a DeskIncidentPage: its reads use the page's cancellable, so that they stop
 * when the page moves to another incident, and count in the page's loading state. */

#define G_LOG_DOMAIN "desk-customer-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-customer-columns.h"
#include "desk-folding-row.h"
#include "desk-incident-page.h"
#include "desk-labels.h"
#include "desk-customer-list-view-private.h"

struct _DeskCustomerListView
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkWidget           *toolbars;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *filter_dropdown;
  GtkBox              *action_box;
  GtkLabel            *count_label;
  GtkStack            *stack;
  GtkColumnView       *column_view;

  /* Owned */
  GtkWidget           *row_popover;   /* the row menu, parented to the view */
  DeskCustomerList    *list;          /* for list_store and the incident with id list_incident */
  GtkSelectionModel   *selection;
  DeskStore           *list_store;    /* not a reference: only compared */
  gint64               list_incident;

  DeskCustomerSort     sort;
  gboolean             descending;
  gboolean             multiple;      /* many rows selected at a time (the ledger), or one */
  gboolean             loaded;        /* the list has been read once for this incident */
  guint                menu_position; /* the row the menu was last opened for */
};

static void desk_customer_list_view_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskCustomerListView, desk_customer_list_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      desk_customer_list_view_buildable_init))

enum {
  PROP_0,
  PROP_MULTIPLE,
  PROP_MENU_MODEL,
  PROP_SEARCH_LABEL,
  PROP_LIST_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ROW_ACTIVATED,
  SELECTION_CHANGED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkBuildableIface *parent_buildable_iface;

/* Helpers {{{ */

static DeskIncidentPage *
get_page (DeskCustomerListView *self)
{
  return DESK_INCIDENT_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                      DESK_TYPE_INCIDENT_PAGE));
}

static void
update_count (DeskCustomerListView *self)
{
  guint n_items = desk_customer_list_view_get_n_items (self);
  guint n_selected = self->multiple ? desk_customer_list_view_get_n_selected (self) : 0;
  g_autofree char *items = desk_format_count (n_items);
  g_autofree char *text = NULL;

  if (n_selected > 0)
    {
      g_autofree char *selected = desk_format_count (n_selected);

      /* Translators: rows of the ledger selected, e.g. "10 of 606 selected" */
      text = g_strdup_printf (ngettext ("%s of %s selected", "%s of %s selected", n_items),
                              selected, items);
    }
  else if (desk_customer_list_view_is_filtered (self))
    /* Translators: %s is a number, e.g. "12 matching customers" */
    text = g_strdup_printf (ngettext ("%s matching customer", "%s matching customers", n_items),
                            items);
  else
    /* Translators: %s is a number, e.g. "586 customers" */
    text = g_strdup_printf (ngettext ("%s customer", "%s customers", n_items), items);

  gtk_label_set_label (self->count_label, text);
}

/* Shows what was read: the rows and how many, or why there are none. An incident without
 * customers has nothing to search either, so the page's "empty" child stands alone. */
static void
update_state (DeskCustomerListView *self)
{
  gboolean has_empty = gtk_stack_get_child_by_name (self->stack, "no-customers") != NULL;
  const char *state = "no-results";

  update_count (self);

  if (desk_customer_list_view_get_n_items (self) > 0)
    state = "list";
  else if (has_empty && !desk_customer_list_view_is_filtered (self))
    state = "no-customers";

  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_widget_set_visible (self->toolbars, g_strcmp0 (state, "no-customers") != 0);
}

static void
on_selection_changed_cb (DeskCustomerListView *self)
{
  update_count (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
set_list (DeskCustomerListView *self,
          DeskCustomerList     *list)
{
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  g_set_object (&self->list, list);
  g_clear_object (&self->selection);

  if (list != NULL && self->multiple)
    {
      self->selection =
        GTK_SELECTION_MODEL (gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (list))));
    }
  else if (list != NULL)
    {
      GtkSingleSelection *single = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (list)));

      gtk_single_selection_set_autoselect (single, FALSE);
      gtk_single_selection_set_can_unselect (single, TRUE);
      self->selection = GTK_SELECTION_MODEL (single);
    }

  if (self->selection != NULL)
    {
      g_signal_connect_swapped (self->selection, "selection-changed",
                                G_CALLBACK (on_selection_changed_cb), self);
      g_signal_connect_swapped (self->selection, "items-changed",
                                G_CALLBACK (on_selection_changed_cb), self);
    }

  /* A new model rather than a reload of the old one: see perf_testing.md §1. */
  gtk_column_view_set_model (self->column_view, self->selection);
  self->loaded = FALSE;
  on_selection_changed_cb (self);
}

/* Shows the row menu at (@x, @y) of the column view, for the row there; a click outside the
 * selection selects that row alone, one inside keeps the selection for the ledger's
 * "Set Status". */
static void
popup_row_menu (DeskCustomerListView *self,
                double                x,
                double                y)
{
  guint position = desk_customer_columns_get_position_at (self->column_view, x, y);
  double view_x, view_y;

  if (position == GTK_INVALID_LIST_POSITION || self->selection == NULL)
    return;

  if (!gtk_selection_model_is_selected (self->selection, position))
    gtk_selection_model_select_item (self->selection, position, TRUE);
  self->menu_position = position;

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->column_view), GTK_WIDGET (self),
                                         x, y, &view_x, &view_y))
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_popover),
                               &(GdkRectangle) { (int) view_x, (int) view_y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_popover));
}

static void
on_list_reloaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DeskCustomerListView) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Cancelled by the page, which went to another incident or away and reset its loading state */
  if (!desk_customer_list_reload_finish (DESK_CUSTOMER_LIST (object), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (DESK_CUSTOMER_LIST (object) == self->list)
    {
      self->loaded = TRUE;
      update_state (self);
    }

  g_signal_emit (self, signals[LOADED], 0, error);
  desk_incident_page_end_loading (get_page (self));
}

/* }}} */
/* Callbacks {{{ */

static void
on_search_changed_cb (DeskCustomerListView *self)
{
  desk_customer_list_view_reload (self);
}

static void
on_filter_changed_cb (DeskCustomerListView *self)
{
  desk_customer_list_view_reload (self);
}

static void
on_sorter_changed_cb (DeskCustomerListView *self)
{
  DeskCustomerSort sort = DESK_CUSTOMER_SORT_CONTRACT;
  gboolean descending = FALSE;

  /* No column sorted (the last sort was undone): the list's own order. */
  desk_customer_columns_get_sort (self->column_view, &sort, &descending);
  if (sort == self->sort && descending == self->descending)
    return;

  self->sort = sort;
  self->descending = descending;
  desk_customer_list_view_reload (self);
}

static void
on_column_view_activated_cb (DeskCustomerListView *self,
                             guint                 position)
{
  g_autoptr(DeskCustomerRow) row = NULL;

  if (self->list == NULL)
    return;

  row = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (row != NULL)
    g_signal_emit (self, signals[ROW_ACTIVATED], 0, row);
}

static void
on_column_view_pressed_cb (DeskCustomerListView *self,
                           int                   n_press,
                           double                x,
                           double                y,
                           GtkGesture           *gesture)
{
  popup_row_menu (self, x, y);
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_column_view_long_pressed_cb (DeskCustomerListView *self,
                                double                x,
                                double                y)
{
  popup_row_menu (self, x, y);
}

/* }}} */
/* GtkBuildable {{{ */

static void
desk_customer_list_view_buildable_add_child (GtkBuildable *buildable,
                                             GtkBuilder   *builder,
                                             GObject      *child,
                                             const char   *type)
{
  DeskCustomerListView *self = DESK_CUSTOMER_LIST_VIEW (buildable);

  if (g_strcmp0 (type, "action") == 0)
    gtk_box_append (self->action_box, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "empty") == 0)
    gtk_stack_add_named (self->stack, GTK_WIDGET (child), "no-customers");
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
desk_customer_list_view_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = desk_customer_list_view_buildable_add_child;
}

/* }}} */
/* GtkWidget {{{ */

static void
desk_customer_list_view_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  DeskCustomerListView *self = DESK_CUSTOMER_LIST_VIEW (widget);

  GTK_WIDGET_CLASS (desk_customer_list_view_parent_class)->size_allocate (widget, width, height,
                                                                          baseline);

  /* A popover child is placed by its parent. */
  if (self->row_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->row_popover));
}

/* }}} */
/* GObject {{{ */

static void
desk_customer_list_view_dispose (GObject *object)
{
  DeskCustomerListView *self = DESK_CUSTOMER_LIST_VIEW (object);

  g_clear_pointer (&self->row_popover, gtk_widget_unparent);

  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CUSTOMER_LIST_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  self->list_store = NULL;

  G_OBJECT_CLASS (desk_customer_list_view_parent_class)->dispose (object);
}

static void
desk_customer_list_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DeskCustomerListView *self = DESK_CUSTOMER_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_MULTIPLE:
      g_value_set_boolean (value, self->multiple);
      break;

    case PROP_MENU_MODEL:
      g_value_set_object (value, desk_customer_list_view_get_menu_model (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_customer_list_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DeskCustomerListView *self = DESK_CUSTOMER_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_MULTIPLE:
      self->multiple = g_value_get_boolean (value);
      break;

    case PROP_MENU_MODEL:
      desk_customer_list_view_set_menu_model (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_LABEL:
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      break;

    case PROP_LIST_LABEL:
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_customer_list_view_class_init (DeskCustomerListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_customer_list_view_dispose;
  object_class->get_property = desk_customer_list_view_get_property;
  object_class->set_property = desk_customer_list_view_set_property;
  widget_class->size_allocate = desk_customer_list_view_size_allocate;

  /**
   * DeskCustomerListView:multiple:
   *
   * Whether many rows are selected at a time, for the ledger's changes to many notices, or one.
   */
  properties[PROP_MULTIPLE] =
    g_param_spec_boolean ("multiple", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskCustomerListView:menu-model:
   *
   * The menu of a row, opened by a right click or a long press on it.
   */
  properties[PROP_MENU_MODEL] =
    g_param_spec_object ("menu-model", NULL, NULL, G_TYPE_MENU_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskCustomerListView:search-label:
   *
   * What assistive technologies call the search entry: what it searches, and by what.
   */
  properties[PROP_SEARCH_LABEL] =
    g_param_spec_string ("search-label", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskCustomerListView:list-label:
   *
   * What assistive technologies call the list.
   */
  properties[PROP_LIST_LABEL] =
    g_param_spec_string ("list-label", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskCustomerListView::row-activated:
   * @row: the row
   *
   * The person activated a row (a double click, or Enter), to open it.
   */
  signals[ROW_ACTIVATED] = g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, DESK_TYPE_CUSTOMER_ROW);

  /**
   * DeskCustomerListView::selection-changed:
   *
   * Rows were selected or unselected, or the rows themselves changed.
   */
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);

  /**
   * DeskCustomerListView::loaded:
   * @error: (nullable): why the list could not be read
   *
   * A read of the list ended, other than by being cancelled: the view shows what it read.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  g_type_ensure (DESK_TYPE_FOLDING_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-customer-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerListView, toolbars);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerListView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerListView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerListView, action_box);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerListView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerListView, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerListView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_long_pressed_cb);
}

static void
desk_customer_list_view_init (DeskCustomerListView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->row_popover = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->row_popover), FALSE);
  gtk_widget_set_halign (self->row_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->row_popover, GTK_WIDGET (self));

  self->sort = DESK_CUSTOMER_SORT_CONTRACT;
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (on_sorter_changed_cb), self);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_customer_list_view_shows_incident:
 *
 * Returns: whether @self lists the customers of the incident with id @incident_id in @store
 */
gboolean
desk_customer_list_view_shows_incident (DeskCustomerListView *self,
                                        DeskStore            *store,
                                        gint64                incident_id)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_LIST_VIEW (self), FALSE);

  return self->list != NULL && self->list_store == store && self->list_incident == incident_id;
}

/**
 * desk_customer_list_view_set_incident:
 * @store: (nullable): the store, or %NULL to list nothing
 * @incident_id: the incident whose customers to list, or 0 to list nothing
 *
 * Gives @self a new list of the incident's customers, keeping the search, filter and sort; read it
 * with desk_customer_list_view_reload(). Until then, the view is not loaded.
 *
 * Returns: %FALSE, and @self unchanged, if the list could not be made
 */
gboolean
desk_customer_list_view_set_incident (DeskCustomerListView  *self,
                                      DeskStore             *store,
                                      gint64                 incident_id,
                                      GError               **error)
{
  g_autoptr(DeskCustomerList) list = NULL;

  g_return_val_if_fail (DESK_IS_CUSTOMER_LIST_VIEW (self), FALSE);
  g_return_val_if_fail (store == NULL || DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (store != NULL && incident_id != 0)
    {
      list = desk_customer_list_new (store, incident_id, error);
      if (list == NULL)
        return FALSE;
    }

  set_list (self, list);
  self->list_store = list ? store : NULL;
  self->list_incident = list ? incident_id : 0;

  return TRUE;
}

/**
 * desk_customer_list_view_reload:
 *
 * Reads the list again with the current search, filter and sort, and emits
 * DeskCustomerListView::loaded when done.
 */
void
desk_customer_list_view_reload (DeskCustomerListView *self)
{
  DeskIncidentPage *page;

  g_return_if_fail (DESK_IS_CUSTOMER_LIST_VIEW (self));

  /* A pending read keeps the view alive after its page is taken down, and a search typed just
   * before can still fire then: there is nothing left to read for. */
  page = get_page (self);
  if (self->list == NULL || page == NULL)
    return;

  desk_customer_list_set_search (self->list,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  desk_customer_list_set_filter (self->list, gtk_drop_down_get_selected (self->filter_dropdown));
  desk_customer_list_set_sort (self->list, self->sort, self->descending);

  desk_incident_page_begin_loading (page);
  desk_customer_list_reload_async (self->list,
                                   desk_incident_page_get_cancellable (page),
                                   on_list_reloaded_cb,
                                   g_object_ref (self));
}

/* Returns: whether the list has been read since desk_customer_list_view_set_incident() */
gboolean
desk_customer_list_view_is_loaded (DeskCustomerListView *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_LIST_VIEW (self), FALSE);

  return self->loaded;
}

/* Returns: whether a search or the notice filter leaves customers out */
gboolean
desk_customer_list_view_is_filtered (DeskCustomerListView *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_LIST_VIEW (self), FALSE);

  return *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0'
         || gtk_drop_down_get_selected (self->filter_dropdown) != DESK_NOTICE_FILTER_ALL;
}

/* Returns: (nullable) (transfer none): the list shown, of DeskCustomerRow */
DeskCustomerList *
desk_customer_list_view_get_list (DeskCustomerListView *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_LIST_VIEW (self), NULL);

  return self->list;
}

guint
desk_customer_list_view_get_n_items (DeskCustomerListView *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_LIST_VIEW (self), 0);

  return self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

guint
desk_customer_list_view_get_n_selected (DeskCustomerListView *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  g_return_val_if_fail (DESK_IS_CUSTOMER_LIST_VIEW (self), 0);

  if (self->selection == NULL)
    return 0;

  selected = gtk_selection_model_get_selection (self->selection);
  return gtk_bitset_get_size (selected);
}

/**
 * desk_customer_list_view_get_selection:
 *
 * Returns: (nullable) (transfer none): a GtkMultiSelection if #DeskCustomerListView:multiple is
 *   set, a GtkSingleSelection otherwise; %NULL without a list
 */
GtkSelectionModel *
desk_customer_list_view_get_selection (DeskCustomerListView *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_LIST_VIEW (self), NULL);

  return self->selection;
}

/* Returns: (transfer none): the column view, for desk_customer_columns_append() */
GtkColumnView *
desk_customer_list_view_get_column_view (DeskCustomerListView *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_LIST_VIEW (self), NULL);

  return self->column_view;
}

/* Returns: (nullable) (transfer full): the row the row menu was last opened for */
DeskCustomerRow *
desk_customer_list_view_get_menu_row (DeskCustomerListView *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_LIST_VIEW (self), NULL);

  if (self->list == NULL)
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self->list), self->menu_position);
}

GMenuModel *
desk_customer_list_view_get_menu_model (DeskCustomerListView *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_LIST_VIEW (self), NULL);

  return gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (self->row_popover));
}

void
desk_customer_list_view_set_menu_model (DeskCustomerListView *self,
                                        GMenuModel           *menu_model)
{
  g_return_if_fail (DESK_IS_CUSTOMER_LIST_VIEW (self));
  g_return_if_fail (menu_model == NULL || G_IS_MENU_MODEL (menu_model));

  if (desk_customer_list_view_get_menu_model (self) == menu_model)
    return;

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->row_popover), menu_model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENU_MODEL]);
}

/* }}} */
/* For tests {{{ */

GtkEditable *
_desk_customer_list_view_get_search_entry (DeskCustomerListView *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkDropDown *
_desk_customer_list_view_get_filter_dropdown (DeskCustomerListView *self)
{
  return self->filter_dropdown;
}

/* Returns: "list", "no-results" or "no-customers" */
const char *
_desk_customer_list_view_get_state (DeskCustomerListView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
_desk_customer_list_view_get_count_text (DeskCustomerListView *self)
{
  return gtk_label_get_label (self->count_label);
}

/* Opens the row menu as a right click at (@x, @y) of the column view would. */
void
_desk_customer_list_view_popup_row_menu (DeskCustomerListView *self,
                                         double                x,
                                         double                y)
{
  popup_row_menu (self, x, y);
}

GtkPopover *
_desk_customer_list_view_get_row_popover (DeskCustomerListView *self)
{
  return GTK_POPOVER (self->row_popover);
}

/* }}} */
