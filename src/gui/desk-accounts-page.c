/* desk-accounts-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskAccountsPage lists the accounts an incident affects, which can be millions: a search by the
 * start of the account or anywhere in it, an optional filter on one customer (set from the
 * Customers page), how many accounts are listed, and a GtkColumnView of GtkInscription cells.
 *
 * The rows come from a DeskAccountList, an immutable model that pages them from SQLite through a
 * read-only connection of the page's own. Every search is a new list, built off the main thread
 * while a spinner turns (a newer search cancels the build under way), and shown by giving the
 * view a new selection model: telling GTK 4.8 that millions of rows changed would cost seconds
 * (perf_testing.md §1). The search waits for a pause in typing (GtkSearchEntry:search-delay).
 *
 * The page reads the incident's breach categories first, for the Categories column, then builds
 * the list. It tells "no accounts imported yet" (with an Import button) from "nothing matches" by
 * the number of accounts of the whole incident, which it learns from a list without a filter. */

#define G_LOG_DOMAIN "desk-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-account-list.h"
#include "desk-gui-utils.h"
#include "desk-labels.h"
#include "desk-accounts-page-private.h"

struct _DeskAccountsPage
{
  DeskIncidentPage    parent_instance;

  /* Template widgets */
  GtkStack           *stack;             /* the child, not bound: see the template */
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *contains_button;
  GtkWidget          *customer_chip;
  GtkLabel           *customer_label;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;

  /* Owned */
  DeskDatabase       *reader;            /* a read-only connection for reader_store */
  DeskStore          *reader_store;      /* not a reference: only compared */
  DeskAccountList    *list;
  GtkSelectionModel  *selection;
  GPtrArray          *categories;        /* DeskCategory, for the Categories column */
  GCancellable       *build_cancellable; /* the list being built */
  char               *customer_text;     /* "Contract C-000123 — Name"; NULL for all */

  gint64              incident_id;       /* the incident the list is for */
  gint64              customer_id;       /* 0: every customer */
  gint64              total;             /* accounts of the incident; -1 until known */
  gboolean            loaded;            /* a list has been shown for this incident */
  gboolean            reading;           /* the categories are being read: the build waits */
  gboolean            build_counted;     /* the build counts in the page's loading state */
  guint               scroll_tick;       /* restore_scroll_cb() */
  int                 scroll_frames;
  double              scroll_value;
};

G_DEFINE_FINAL_TYPE (DeskAccountsPage, desk_accounts_page, DESK_TYPE_INCIDENT_PAGE)

/* A column: makes the text of a cell, and may give it a style class. */
typedef char *(*CellFunc) (DeskAccountsPage  *self,
                           DeskAccountRow    *row,
                           const char       **css_class);

typedef struct
{
  DeskAccountsPage *self;
  CellFunc          func;
} Column;

#define CELL_CLASS_KEY "desk-cell-class"

/* Helpers {{{ */

static char *
get_search_text (DeskAccountsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
                                        GTK_EDITABLE (self->search_entry))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static DeskAccountMatch
get_match (DeskAccountsPage *self)
{
  return gtk_toggle_button_get_active (self->contains_button) ? DESK_ACCOUNT_MATCH_CONTAINS
                                                              : DESK_ACCOUNT_MATCH_PREFIX;
}

static guint
get_n_items (DeskAccountsPage *self)
{
  return self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

static void
update_count (DeskAccountsPage *self)
{
  guint n_items = get_n_items (self);
  g_autofree char *items = desk_format_count (n_items);
  g_autofree char *text = NULL;

  if (self->list == NULL)
    text = g_strdup ("");
  else if (desk_account_list_get_text (self->list) != NULL
           || desk_account_list_get_customer_id (self->list) != 0)
    /* Translators: %s is a number, e.g. "1,326 matching accounts" */
    text = g_strdup_printf (ngettext ("%s matching account", "%s matching accounts", n_items),
                            items);
  else
    /* Translators: %s is a number, e.g. "4,072,650 accounts" */
    text = g_strdup_printf (ngettext ("%s account", "%s accounts", n_items), items);

  gtk_label_set_label (self->count_label, text);
}

static void
update_state (DeskAccountsPage *self)
{
  const char *page = "accounts";
  gboolean building = self->build_cancellable != NULL || self->reading;

  if (!self->loaded)
    page = "loading";
  else if (self->total == 0)
    page = "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    get_n_items (self) > 0 ? "list" : "no-results");

  gtk_widget_set_visible (self->customer_chip, self->customer_text != NULL);
  gtk_label_set_label (self->customer_label, self->customer_text ? self->customer_text : "");

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), building && self->loaded);
  gtk_spinner_set_spinning (self->spinner, building && self->loaded);

  update_count (self);
}

/* GTK 4.8 has no gtk_column_view_scroll_to(): the inner list view has the action. */
static void
scroll_to_top (DeskAccountsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", 0);
        return;
      }
}

/* Whether @a and @b list the same accounts, as far as the person can tell: the same search. */
static gboolean
same_search (DeskAccountList *a,
             DeskAccountList *b)
{
  return a != NULL && b != NULL
         && desk_account_list_get_incident_id (a) == desk_account_list_get_incident_id (b)
         && desk_account_list_get_customer_id (a) == desk_account_list_get_customer_id (b)
         && desk_account_list_get_match (a) == desk_account_list_get_match (b)
         && g_strcmp0 (desk_account_list_get_text (a), desk_account_list_get_text (b)) == 0;
}

static GtkAdjustment *
get_vadjustment (DeskAccountsPage *self)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
}

/* Puts the list back where it was after a new model of the same rows: they are all as high, so
 * the same offset shows the same rows. Set again for ten frames (a sixth of a second): laying the
 * new model out, the view goes back to its first row once. */
static gboolean
restore_scroll_cb (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  DeskAccountsPage *self = user_data;
  GtkAdjustment *adjustment = get_vadjustment (self);

  gtk_adjustment_set_value (adjustment, self->scroll_value);

  if (--self->scroll_frames > 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
cancel_restore_scroll (DeskAccountsPage *self)
{
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->scroll_tick);
      self->scroll_tick = 0;
    }
}

static void
set_list (DeskAccountsPage *self,
          DeskAccountList  *list)
{
  GtkSingleSelection *selection = NULL;
  gboolean new_search = !same_search (self->list, list);
  double scroll_value = 0;

  cancel_restore_scroll (self);
  if (!new_search && get_vadjustment (self) != NULL)
    scroll_value = gtk_adjustment_get_value (get_vadjustment (self));

  if (list != NULL)
    {
      selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (list)));
      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_single_selection_set_can_unselect (selection, TRUE);
      /* It selected the first row when it got the list, before autoselect was turned off. */
      gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
    }

  /* A new model rather than a change of the old one: see perf_testing.md §1. */
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_set_object (&self->list, list);
  g_clear_object (&self->selection);
  self->selection = GTK_SELECTION_MODEL (selection);

  /* A new search starts at the top; the same one read again (the page shown again, an import)
   * stays where the person was, which a new model alone would not. */
  if (new_search && get_n_items (self) > 0)
    scroll_to_top (self);
  else if (scroll_value > 0)
    {
      self->scroll_value = scroll_value;
      self->scroll_frames = 10;
      self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                        restore_scroll_cb, self, NULL);
    }
}

static void
cancel_build (DeskAccountsPage *self)
{
  if (self->build_cancellable != NULL)
    {
      g_cancellable_cancel (self->build_cancellable);
      g_clear_object (&self->build_cancellable);
    }
}

/* Ends the build's part in the page's loading state. */
static void
end_build (DeskAccountsPage *self)
{
  g_clear_object (&self->build_cancellable);
  if (self->build_counted)
    {
      self->build_counted = FALSE;
      desk_incident_page_end_loading (DESK_INCIDENT_PAGE (self));
    }
}

/* }}} */
/* Building the list {{{ */

static void start_build (DeskAccountsPage *self);

static void
on_total_built_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DeskAccountsPage) self = user_data;
  g_autoptr(DeskAccountList) all = NULL;
  g_autoptr(GError) error = NULL;

  all = desk_account_list_new_finish (result, &error);
  if (all == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (all == NULL)
    g_debug ("Could not count the accounts: %s", error->message);
  else
    self->total = g_list_model_get_n_items (G_LIST_MODEL (all));

  end_build (self);
  update_state (self);
}

static void
on_list_built_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DeskAccountsPage) self = user_data;
  g_autoptr(DeskAccountList) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean filtered;

  /* A newer search, another incident, or the page going away */
  list = desk_account_list_new_finish (result, &error);
  if (list == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (list == NULL)
    {
      end_build (self);
      self->loaded = TRUE;
      update_state (self);
      desk_show_error (GTK_WIDGET (self), _("Could not read the accounts"), error);
      return;
    }

  filtered = desk_account_list_get_text (list) != NULL
             || desk_account_list_get_customer_id (list) != 0;
  if (!filtered)
    self->total = g_list_model_get_n_items (G_LIST_MODEL (list));

  set_list (self, list);
  self->loaded = TRUE;

  /* Nothing matches: because the incident has no accounts at all? */
  if (filtered && self->total < 0 && get_n_items (self) == 0)
    {
      desk_account_list_new_async (self->reader, self->incident_id, 0, NULL,
                                   DESK_ACCOUNT_MATCH_PREFIX, self->build_cancellable,
                                   on_total_built_cb, g_object_ref (self));
      update_state (self);
      return;
    }

  end_build (self);
  update_state (self);
}

/* Builds the list for the current search and customer, cancelling the build under way. */
static void
start_build (DeskAccountsPage *self)
{
  g_autofree char *text = NULL;

  if (self->reader == NULL || self->reading)
    return;

  cancel_build (self);
  self->build_cancellable = g_cancellable_new ();
  if (!self->build_counted)
    {
      self->build_counted = TRUE;
      desk_incident_page_begin_loading (DESK_INCIDENT_PAGE (self));
    }

  text = get_search_text (self);
  desk_account_list_new_async (self->reader, self->incident_id, self->customer_id, text,
                               get_match (self), self->build_cancellable,
                               on_list_built_cb, g_object_ref (self));
  update_state (self);
}

static void
on_categories_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(DeskAccountsPage) self = user_data;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  categories = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (categories == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      desk_show_error (GTK_WIDGET (self), _("Could not read the breach categories"), error);
      categories = g_ptr_array_new_with_free_func (g_object_unref);
    }

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->categories = g_steal_pointer (&categories);
  self->reading = FALSE;

  /* The list comes second, so that its rows show their categories as soon as they appear. The
   * build begins loading before the categories end it, so the page never looks settled
   * between the two. */
  start_build (self);
  desk_incident_page_end_loading (DESK_INCIDENT_PAGE (self));
}

/* }}} */
/* Cells {{{ */

static char *
account_cell (DeskAccountsPage  *self,
              DeskAccountRow    *row,
              const char       **css_class)
{
  return g_strdup (desk_account_row_get_identifier (row));
}

static char *
contract_cell (DeskAccountsPage  *self,
               DeskAccountRow    *row,
               const char       **css_class)
{
  return g_strdup (desk_account_row_get_contract_id (row));
}

static char *
customer_cell (DeskAccountsPage  *self,
               DeskAccountRow    *row,
               const char       **css_class)
{
  return g_strdup (desk_account_row_get_customer_name (row));
}

static char *
status_cell (DeskAccountsPage  *self,
             DeskAccountRow    *row,
             const char       **css_class)
{
  DeskExposure exposure = desk_account_row_get_exposure (row);

  if (exposure == DESK_EXPOSURE_CLEARED)
    *css_class = "dim-label";

  return g_strdup (desk_exposure_label (exposure));
}

static char *
categories_cell (DeskAccountsPage  *self,
                 DeskAccountRow    *row,
                 const char       **css_class)
{
  gint64 mask = desk_account_row_get_categories (row);
  GString *text = g_string_new (NULL);

  for (guint i = 0; self->categories != NULL && i < self->categories->len; i++)
    {
      DeskRecord *category = g_ptr_array_index (self->categories, i);
      gint64 bit = desk_record_get_int (category, "bit");

      if (bit < 0 || bit > 62 || !((mask >> bit) & 1))
        continue;
      if (text->len > 0)
        /* Translators: separates the names of breach categories in a list */
        g_string_append (text, _(", "));
      g_string_append (text, desk_record_get_string (category, "name"));
    }

  return g_string_free (text, FALSE);
}

static char *
updated_cell (DeskAccountsPage  *self,
              DeskAccountRow    *row,
              const char       **css_class)
{
  return desk_format_date (desk_account_row_get_updated_at (row));
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
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     Column                   *column)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 3);
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
  gtk_list_item_set_child (list_item, cell);
}

/* Rows never change: a cell is filled once per row it shows. */
static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    Column                   *column)
{
  DeskAccountRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  const char *old_class = g_object_get_data (G_OBJECT (cell), CELL_CLASS_KEY);
  const char *css_class = NULL;
  g_autofree char *text = NULL;

  g_assert (DESK_IS_ACCOUNT_ROW (row));

  text = column->func (column->self, row, &css_class);
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

/* The columns' widths add up to about 820 pixels: the content of a 1200-pixel window beside the
 * sidebar. The account's column takes what is left over. */
static void
append_column (DeskAccountsPage *self,
               const char       *title,
               int               width,
               gboolean          expand,
               CellFunc          func)
{
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  GtkListItemFactory *factory;
  Column *column;

  column = g_new0 (Column, 1);
  column->self = self;
  column->func = func;

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data_full (G_OBJECT (factory), "desk-column", column, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), column);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), column);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* }}} */
/* Callbacks {{{ */

static void
on_search_changed_cb (DeskAccountsPage *self)
{
  start_build (self);
}

static void
on_match_changed_cb (DeskAccountsPage *self)
{
  g_autofree char *text = get_search_text (self);

  /* How an empty search matches changes nothing. */
  if (text != NULL)
    start_build (self);
}

static void
on_customer_clear_clicked_cb (DeskAccountsPage *self)
{
  desk_accounts_page_set_customer (self, 0, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* }}} */
/* Actions {{{ */

static void
desk_accounts_page_search_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  DeskAccountsPage *self = DESK_ACCOUNTS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* }}} */
/* DeskIncidentPage {{{ */

static void
desk_accounts_page_reload (DeskIncidentPage *page)
{
  DeskAccountsPage *self = DESK_ACCOUNTS_PAGE (page);
  DeskStore *store = desk_incident_page_get_store (page);
  gint64 incident_id = desk_incident_page_get_incident_id (page);

  /* A restart of the page reset its loading state, the build's part in it included. */
  if (self->build_counted && !desk_incident_page_is_loading (page))
    self->build_counted = FALSE;
  cancel_build (self);

  if (store != self->reader_store)
    {
      g_clear_object (&self->reader);
      self->reader_store = NULL;
    }

  /* Another incident: its own list, and none of the previous one's customers. */
  if (incident_id != self->incident_id || store == NULL)
    {
      self->incident_id = incident_id;
      self->customer_id = 0;
      g_clear_pointer (&self->customer_text, g_free);
      self->loaded = FALSE;
      set_list (self, NULL);
    }

  /* The incident's accounts may have changed (an import): count them again. */
  self->total = -1;
  self->reading = FALSE;

  if (store == NULL || incident_id == 0)
    {
      end_build (self);
      g_clear_pointer (&self->categories, g_ptr_array_unref);
      update_state (self);
      return;
    }

  if (self->reader == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->reader = desk_database_open_reader (desk_store_get_database (store), &error);
      if (self->reader == NULL)
        {
          end_build (self);
          self->loaded = TRUE;
          update_state (self);
          desk_show_error (GTK_WIDGET (self), _("Could not read the accounts"), error);
          return;
        }
      self->reader_store = store;
    }

  self->reading = TRUE;
  desk_incident_page_begin_loading (page);
  desk_store_list_async (store, DESK_TYPE_CATEGORY, "incident-id", incident_id,
                         desk_incident_page_get_cancellable (page),
                         on_categories_loaded_cb,
                         g_object_ref (self));
  update_state (self);
}

/* }}} */
/* GObject {{{ */

static void
desk_accounts_page_dispose (GObject *object)
{
  DeskAccountsPage *self = DESK_ACCOUNTS_PAGE (object);

  cancel_build (self);

  if (self->column_view != NULL)
    {
      cancel_restore_scroll (self);
      gtk_column_view_set_model (self->column_view, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_ACCOUNTS_PAGE);
  self->stack = NULL;

  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->reader);
  self->reader_store = NULL;
  g_clear_pointer (&self->categories, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_accounts_page_parent_class)->dispose (object);
}

static void
desk_accounts_page_finalize (GObject *object)
{
  DeskAccountsPage *self = DESK_ACCOUNTS_PAGE (object);

  g_free (self->customer_text);

  G_OBJECT_CLASS (desk_accounts_page_parent_class)->finalize (object);
}

static void
desk_accounts_page_class_init (DeskAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DeskIncidentPageClass *page_class = DESK_INCIDENT_PAGE_CLASS (klass);

  object_class->dispose = desk_accounts_page_dispose;
  object_class->finalize = desk_accounts_page_finalize;
  page_class->reload = desk_accounts_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskAccountsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountsPage, contains_button);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountsPage, customer_chip);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountsPage, customer_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_match_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_clear_clicked_cb);

  /* Ctrl+F with the focus on this page searches its accounts; elsewhere in the window it
   * searches the incidents (win.search): the nearer binding wins. */
  gtk_widget_class_install_action (widget_class, "accounts.search", NULL,
                                   desk_accounts_page_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "accounts.search", NULL);
}

static void
desk_accounts_page_init (DeskAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  self->total = -1;

  append_column (self, _("Account"), 200, TRUE, account_cell);
  append_column (self, _("Contract"), 100, FALSE, contract_cell);
  append_column (self, _("Customer"), 190, FALSE, customer_cell);
  /* Translators: a column: whether an account is potentially affected, confirmed or cleared */
  append_column (self, C_("account column", "Status"), 90, FALSE, status_cell);
  append_column (self, _("Categories"), 150, FALSE, categories_cell);
  /* Translators: a column: the day an account was last changed */
  append_column (self, C_("account column", "Updated"), 100, FALSE, updated_cell);

  update_state (self);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_accounts_page_set_customer:
 * @customer_id: the customer whose accounts to list, or 0 for every customer's
 * @contract_id: (nullable): its contract, for the filter's label
 * @name: (nullable): its name, for the filter's label
 *
 * Narrows the list to the accounts of one customer of the incident, or widens it again.
 */
void
desk_accounts_page_set_customer (DeskAccountsPage *self,
                                 gint64            customer_id,
                                 const char       *contract_id,
                                 const char       *name)
{
  g_return_if_fail (DESK_IS_ACCOUNTS_PAGE (self));

  g_clear_pointer (&self->customer_text, g_free);
  self->customer_id = MAX (customer_id, 0);

  if (self->customer_id != 0)
    {
      if (name != NULL && *name != '\0')
        /* Translators: the customer the account list is narrowed to, e.g.
         * "Contract C-000123 — Hanamura Trading" */
        self->customer_text = g_strdup_printf (_("Contract %s — %s"),
                                               contract_id ? contract_id : "", name);
      else
        /* Translators: the customer the account list is narrowed to, e.g. "Contract C-000123" */
        self->customer_text = g_strdup_printf (_("Contract %s"), contract_id ? contract_id : "");
    }

  /* Waits for the categories if they are being read; the build after them sees the filter. */
  start_build (self);
  update_state (self);
}

/**
 * desk_accounts_page_show_customer:
 * @customer_id: the customer whose accounts to list
 * @contract_id: (nullable): its contract, for the filter's label
 * @name: (nullable): its name, for the filter's label
 *
 * Lists every account of one customer of the incident: as desk_accounts_page_set_customer(),
 * with the search cleared, since a search typed before would hide some of them.
 */
void
desk_accounts_page_show_customer (DeskAccountsPage *self,
                                  gint64            customer_id,
                                  const char       *contract_id,
                                  const char       *name)
{
  g_return_if_fail (DESK_IS_ACCOUNTS_PAGE (self));

  /* One build, for the customer and no search, rather than one for each change. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed_cb, self);

  desk_accounts_page_set_customer (self, customer_id, contract_id, name);
}

/* Returns: the customer the list is narrowed to, or 0 */
gint64
desk_accounts_page_get_customer_id (DeskAccountsPage *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNTS_PAGE (self), 0);

  return self->customer_id;
}

/* }}} */
/* For tests {{{ */

GtkColumnView *
_desk_accounts_page_get_column_view (DeskAccountsPage *self)
{
  return self->column_view;
}

/* Returns: (nullable) (transfer none): the list shown, of DeskAccountRow */
GListModel *
_desk_accounts_page_get_list (DeskAccountsPage *self)
{
  return self->list ? G_LIST_MODEL (self->list) : NULL;
}

GtkEditable *
_desk_accounts_page_get_search_entry (DeskAccountsPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

/* Chooses "Contains" or "Starts with", as a click would. */
void
_desk_accounts_page_set_contains (DeskAccountsPage *self,
                                  gboolean          contains)
{
  GtkWidget *prefix = gtk_widget_get_prev_sibling (GTK_WIDGET (self->contains_button));

  gtk_toggle_button_set_active (contains ? self->contains_button : GTK_TOGGLE_BUTTON (prefix),
                                TRUE);
}

/* Returns: "loading", "empty", "list" or "no-results" */
const char *
_desk_accounts_page_get_state (DeskAccountsPage *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "accounts") == 0)
    return gtk_stack_get_visible_child_name (self->list_stack);

  return page;
}

const char *
_desk_accounts_page_get_count_text (DeskAccountsPage *self)
{
  return gtk_label_get_label (self->count_label);
}

/* Returns: (nullable): the label of the customer filter, if shown */
const char *
_desk_accounts_page_get_customer_text (DeskAccountsPage *self)
{
  if (!gtk_widget_get_visible (self->customer_chip))
    return NULL;
  return gtk_label_get_label (self->customer_label);
}

gboolean
_desk_accounts_page_is_building (DeskAccountsPage *self)
{
  return self->build_cancellable != NULL || self->reading;
}

/* }}} */
