/* desk-demo.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sample data for trying Incident Desk out, for screenshots and for the GUI's manual tests: the
 * three kinds of case the application was designed around (docs: design.md), modelled on public
 * breach disclosures but with fictional names. Every figure and status is chosen
 * deterministically, so that the demo always holds the same counts; only its times move, relative
 * to the store's clock, so that it always looks current (and overdue items stay overdue).
 *
 * The sample records are data, not interface: their texts are English in every locale, so that a
 * team sharing one database sees one demo. Domains are example.* only.
 */

#define G_LOG_DOMAIN "desk-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-demo.h"
#include "desk-template.h"

#define HOUR (G_GINT64_CONSTANT (60) * 60)
#define DAY  (24 * HOUR)

/* The first contract of each customer list; finding one means the demo is already there. */
#define MAIL_FIRST_CONTRACT    10001
#define TELECOM_FIRST_CONTRACT 20001

/* The hosted mail breach's published figures. */
#define MAIL_ESTIMATED_POTENTIAL 4072650
#define MAIL_ESTIMATED_CONFIRMED 311288
#define MAIL_CONFIRMED           586     /* contracts, once each */
#define MAIL_CREDENTIALS         132     /* contracts per category */
#define MAIL_CONTENTS            6
#define MAIL_CLOUD               488
#define MAIL_POTENTIAL           20      /* contracts still under review */
#define MAIL_NOTIFIED            412     /* notices sent, delivered or acknowledged */
#define MAIL_IN_PREPARATION      58      /* drafted or approved */
#define MAIL_BOUNCED             14

typedef struct
{
  DeskStore *store;
  GPtrArray *templates;     /* the built-in DeskTemplates */
  GRand     *rand;          /* seeded: jitter in times is the same in every demo */
  gint64     now;
  guint      n_customers;   /* customers named so far */
  guint      n_telecom;     /* telecom contracts numbered so far */
} Demo;

/* Sample names {{{ */

static const char * const name_first[] = {
  "Amber", "Bayside", "Birch", "Bluefield", "Brightwater", "Cedar", "Clearpeak", "Coral",
  "Crescent", "Driftwood", "Eastgate", "Emerald", "Fernhill", "Foxglove", "Goldcrest", "Granite",
  "Harbor", "Hillside", "Ivory", "Juniper", "Kestrel", "Lakeside", "Lantern", "Maple",
  "Meadow", "Northwind", "Oakridge", "Pinecone", "Quarry", "Riverbend", "Saffron", "Willow",
};

static const char * const name_second[] = {
  "Accounting", "Architects", "Bakery", "Clinic", "Construction", "Consulting", "Dental",
  "Design", "Electric", "Engineering", "Farms", "Foods", "Freight", "Furniture", "Insurance",
  "Law Office", "Logistics", "Machinery", "Marine", "Media", "Optics", "Packaging", "Pharmacy",
  "Printing", "Realty", "Robotics", "Software", "Studios", "Textiles", "Tools", "Trading",
  "Travel",
};

static const char * const name_forms[] = { "Co., Ltd.", "Inc.", "K.K.", "LLC" };

static const char * const account_managers[] = {
  "Haruka Mori", "Kenji Ota", "Yui Sato", "Daniel Brooks", "Mei Lin", "Sota Ishikawa",
};

/* A company name, different for each @serial below 1024. Multiplying by an odd number permutes
 * 0…1023, so neighbouring contracts do not get neighbouring names. */
static char *
company_name (guint serial)
{
  guint p = (serial * 389 + 17) % (G_N_ELEMENTS (name_first) * G_N_ELEMENTS (name_second));

  return g_strdup_printf ("%s %s %s",
                          name_first[p % G_N_ELEMENTS (name_first)],
                          name_second[p / G_N_ELEMENTS (name_first)],
                          name_forms[serial % G_N_ELEMENTS (name_forms)]);
}

/* }}} */
/* Building blocks {{{ */

static gboolean
save (Demo        *demo,
      gpointer     record,
      GError     **error)
{
  return desk_store_save (demo->store, DESK_RECORD (record), error);
}

/* A time between @from and @to (exclusive), from the seeded generator. */
static gint64
between (Demo   *demo,
         gint64  from,
         gint64  to)
{
  g_assert (to > from && to - from < G_MAXINT32);

  return from + g_rand_int_range (demo->rand, 0, (gint32) (to - from));
}

static gboolean
add_event (Demo        *demo,
           DeskRecord  *incident,
           gint64       happened_at,
           const char  *text,
           const char  *actor,
           GError     **error)
{
  g_autoptr(DeskEvent) event = desk_event_new (DESK_INCIDENT (incident), happened_at, text);

  desk_record_set_string (DESK_RECORD (event), "actor", actor);
  return save (demo, event, error);
}

static DeskRecord *
add_category (Demo        *demo,
              DeskRecord  *incident,
              const char  *name,
              int          position,
              gint64      *mask,
              GError     **error)
{
  g_autoptr(DeskRecord) category = DESK_RECORD (desk_category_new (DESK_INCIDENT (incident),
                                                                   name));

  desk_record_set_int (category, "position", position);
  if (!save (demo, category, error))
    return NULL;

  *mask = G_GINT64_CONSTANT (1) << desk_record_get_int (category, "bit");
  return g_steal_pointer (&category);
}

static DeskRecord *
add_customer (Demo             *demo,
              const char       *contract,
              const char       *domain,
              gint64            notice_hours,
              DeskNoticeBasis   notice_basis,
              GError          **error)
{
  g_autofree char *name = company_name (demo->n_customers);
  g_autofree char *contacts = g_strdup_printf ("Information systems: it-admin@%s", domain);
  g_autoptr(DeskRecord) customer = DESK_RECORD (desk_customer_new (contract, name));
  guint serial = demo->n_customers++;

  desk_record_set_string (customer, "contacts", contacts);
  desk_record_set_string (customer, "account-manager",
                          account_managers[(serial * 5 + serial / 7) %
                                           G_N_ELEMENTS (account_managers)]);
  desk_record_set_int (customer, "notice-hours", notice_hours);
  desk_record_set_enum (customer, "notice-basis", notice_basis);
  if (!save (demo, customer, error))
    return NULL;

  return g_steal_pointer (&customer);
}

static DeskRecord *
add_affected (Demo          *demo,
              DeskRecord    *incident,
              DeskRecord    *customer,
              DeskExposure   exposure,
              gint64         categories,
              gint64         confirmed_at,
              const char    *note,
              GError       **error)
{
  g_autoptr(DeskRecord) affected = DESK_RECORD (desk_affected_new (DESK_INCIDENT (incident),
                                                                   DESK_CUSTOMER (customer)));

  desk_record_set_enum (affected, "exposure", exposure);
  desk_record_set_int (affected, "categories", categories);
  desk_record_set_int (affected, "confirmed-at",
                       exposure == DESK_EXPOSURE_CONFIRMED ? confirmed_at : 0);
  desk_record_set_string (affected, "note", note);
  if (!save (demo, affected, error))
    return NULL;

  return g_steal_pointer (&affected);
}

/* The row the store added to the notification ledger when @affected was saved. */
static DeskRecord *
ledger_row (Demo        *demo,
            DeskRecord  *affected,
            GError     **error)
{
  g_autoptr(GPtrArray) rows = desk_store_list (demo->store, DESK_TYPE_NOTIFICATION, "affected-id",
                                               desk_record_get_id (affected), error);

  if (rows == NULL)
    return NULL;

  g_assert (rows->len == 1);
  return g_object_ref (g_ptr_array_index (rows, 0));
}

/* Moves @notice along the ledger to @status; sent and acknowledged times only where the status
 * has them. */
static gboolean
progress_notice (Demo                    *demo,
                 DeskRecord              *notice,
                 DeskChannel              channel,
                 DeskNotificationStatus   status,
                 gint64                   sent_at,
                 gint64                   acknowledged_at,
                 const char              *actor,
                 const char              *note,
                 GError                 **error)
{
  gboolean sent = status == DESK_NOTIFICATION_STATUS_SENT ||
                  status == DESK_NOTIFICATION_STATUS_DELIVERED ||
                  status == DESK_NOTIFICATION_STATUS_BOUNCED ||
                  status == DESK_NOTIFICATION_STATUS_ACKNOWLEDGED;

  desk_record_set_enum (notice, "channel", channel);
  desk_record_set_enum (notice, "status", status);
  desk_record_set_int (notice, "sent-at", sent ? sent_at : 0);
  desk_record_set_int (notice, "acknowledged-at",
                       status == DESK_NOTIFICATION_STATUS_ACKNOWLEDGED ? acknowledged_at : 0);
  desk_record_set_string (notice, "actor", actor);
  desk_record_set_string (notice, "note", note);
  return save (demo, notice, error);
}

/* A notice to a regulator or the public, which has no row in the ledger until it is added. */
static gboolean
add_notice (Demo                    *demo,
            DeskRecord              *incident,
            DeskRecipient            recipient,
            const char              *recipient_name,
            DeskChannel              channel,
            DeskNotificationStatus   status,
            gint64                   due_at,
            gint64                   sent_at,
            gint64                   acknowledged_at,
            const char              *note,
            GError                 **error)
{
  g_autoptr(DeskRecord) notice = DESK_RECORD (desk_notification_new (DESK_INCIDENT (incident),
                                                                     NULL));

  desk_record_set_enum (notice, "recipient", recipient);
  desk_record_set_string (notice, "recipient-name", recipient_name);
  desk_record_set_int (notice, "due-at", due_at);
  return progress_notice (demo, notice, channel, status, sent_at, acknowledged_at,
                          "Privacy Office", note, error);
}

/* Applies the deadline rule @rule to @incident; returns its obligations, in stage order. */
static GPtrArray *
add_obligations (Demo        *demo,
                 DeskRecord  *incident,
                 const char  *rule,
                 const char  *condition,
                 GError     **error)
{
  return desk_store_add_obligations (demo->store, DESK_INCIDENT (incident), rule, condition, 0,
                                     error);
}

/* Files the obligation of @stage among @obligations at @filed_at, under @reference. */
static gboolean
file_stage (Demo        *demo,
            GPtrArray   *obligations,
            const char  *stage,
            gint64       filed_at,
            const char  *reference,
            GError     **error)
{
  for (guint i = 0; i < obligations->len; i++)
    {
      DeskRecord *obligation = g_ptr_array_index (obligations, i);

      if (!g_str_equal (desk_record_get_string (obligation, "stage"), stage))
        continue;

      desk_record_set_enum (obligation, "status", DESK_OBLIGATION_STATUS_FILED);
      desk_record_set_int (obligation, "filed-at", filed_at);
      desk_record_set_string (obligation, "reference", reference);
      return save (demo, obligation, error);
    }

  g_assert_not_reached ();
}

/* Announces estimates at @when: the figure history keeps each change of them. */
static gboolean
announce (Demo        *demo,
          DeskRecord  *incident,
          gint64       potential,
          gint64       confirmed,
          gint64       when,
          GError     **error)
{
  g_autoptr(GPtrArray) figures = NULL;
  DeskRecord *figure;

  desk_record_set_int (incident, "estimated-potential", potential);
  desk_record_set_int (incident, "estimated-confirmed", confirmed);
  if (!save (demo, incident, error) ||
      !(figures = desk_store_list (demo->store, DESK_TYPE_FIGURE, "incident-id",
                                   desk_record_get_id (incident), error)))
    return FALSE;

  /* The store records it now; the demo's story has it said earlier. */
  figure = g_ptr_array_index (figures, figures->len - 1);
  desk_record_set_int (figure, "recorded-at", when);
  desk_record_set_string (figure, "actor", "Communications");
  return save (demo, figure, error);
}

/* Instantiates the built-in template @id on @incident; returns its items, in order. */
static GPtrArray *
add_template_checklist (Demo        *demo,
                        DeskRecord  *incident,
                        const char  *id,
                        GError     **error)
{
  g_autoptr(DeskTemplate) template = NULL;
  g_autoptr(DeskChecklist) checklist = NULL;

  if (!(template = desk_template_find (demo->templates, id, error)) ||
      !(checklist = desk_template_instantiate (template, demo->store, DESK_INCIDENT (incident),
                                               error)))
    return NULL;

  return desk_store_list (demo->store, DESK_TYPE_CHECKLIST_ITEM, "checklist-id",
                          desk_record_get_id (DESK_RECORD (checklist)), error);
}

/* A checklist of the incident's own, not from a template; returns its items, in order. */
static GPtrArray *
add_custom_checklist (Demo               *demo,
                      DeskRecord         *incident,
                      const char         *title,
                      int                 position,
                      const char * const *texts,
                      const char * const *owners,
                      const gint64       *due_at,
                      guint               n_items,
                      GError            **error)
{
  g_autoptr(DeskRecord) checklist = DESK_RECORD (desk_checklist_new (DESK_INCIDENT (incident),
                                                                     title));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  desk_record_set_int (checklist, "position", position);
  if (!save (demo, checklist, error))
    return NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DeskRecord) item = DESK_RECORD (desk_checklist_item_new (DESK_CHECKLIST (checklist),
                                                                         texts[i]));

      desk_record_set_string (item, "owner", owners[i]);
      desk_record_set_int (item, "due-at", due_at[i]);
      desk_record_set_int (item, "position", i);
      if (!save (demo, item, error))
        return NULL;

      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  return g_steal_pointer (&items);
}

/* Done items get a done-at before both their due date and now; others keep none. */
static gboolean
set_item (Demo            *demo,
          GPtrArray       *items,
          guint            index,
          DeskItemStatus   status,
          gint64           start,
          const char      *note,
          GError         **error)
{
  DeskRecord *item = g_ptr_array_index (items, index);
  gint64 due = desk_record_get_int (item, "due-at");

  desk_record_set_enum (item, "status", status);
  if (status == DESK_ITEM_STATUS_DONE)
    {
      gint64 done = due > start ? due - 3 * HOUR : start + 6 * HOUR;

      desk_record_set_int (item, "done-at", MIN (done, demo->now - HOUR));
    }
  if (note != NULL)
    desk_record_set_string (item, "note", note);

  return save (demo, item, error);
}

/* }}} */
/* The hosted mail breach {{{ */

/* Which categories contract number @slot (0…585) is in. The ranges overlap so that the
 * per-category counts (132, 6, 488) add up to 626 while 586 contracts are hit once each. */
static gint64
mail_categories (guint   slot,
                 gint64  credentials,
                 gint64  contents,
                 gint64  cloud)
{
  gint64 mask = 0;

  if (slot < MAIL_CREDENTIALS)
    mask |= credentials;
  if (slot >= MAIL_CREDENTIALS - MAIL_CONTENTS && slot < MAIL_CREDENTIALS)
    mask |= contents;
  if (slot >= MAIL_CONFIRMED - MAIL_CLOUD)
    mask |= cloud;

  return mask;
}

/* The categories of a contract's @index-th account: the first carries them all, the others
 * one each, so that the contract's union stays the same. */
static gint64
account_categories (gint64 mask,
                    guint  index)
{
  gint64 bits[64];
  guint n_bits = 0;

  if (index == 0 || mask == 0)
    return mask;

  for (guint bit = 0; bit < 63; bit++)
    if (mask & (G_GINT64_CONSTANT (1) << bit))
      bits[n_bits++] = G_GINT64_CONSTANT (1) << bit;

  return bits[(index - 1) % n_bits];
}

static gboolean
mail_customer (Demo        *demo,
               DeskRecord  *incident,
               guint        index,
               gint64       masks[3],
               GError     **error)
{
  gint64 detected = desk_record_get_int (incident, "detected-at");
  gboolean confirmed = index < MAIL_CONFIRMED;
  guint number = MAIL_FIRST_CONTRACT + index;
  g_autofree char *contract = g_strdup_printf ("MH-%05u", number);
  g_autofree char *domain = g_strdup_printf ("mh%05u.example.jp", number);
  g_autoptr(DeskRecord) customer = NULL;
  g_autoptr(DeskRecord) affected = NULL;
  g_autoptr(DeskRecord) notice = NULL;
  gint64 hours = 0, mask, confirmed_at;
  DeskNoticeBasis basis = DESK_NOTICE_BASIS_DETECTION;
  guint n_accounts = 3 + index % 3;
  guint rank;

  /* Some contracts promise notice within a number of hours: the store gives their ledger rows
   * due times from that. */
  if (index % 9 == 0)
    {
      hours = 48;
      basis = DESK_NOTICE_BASIS_CONFIRMATION;
    }
  else if (index % 9 == 4)
    {
      hours = 72;
    }

  if (!(customer = add_customer (demo, contract, domain, hours, basis, error)))
    return FALSE;

  /* 389 is prime to 586: the slots are a permutation, so categories do not follow contract
   * numbers. Contracts still under review are in one category each. */
  if (confirmed)
    mask = mail_categories ((index * 389) % MAIL_CONFIRMED, masks[0], masks[1], masks[2]);
  else
    mask = masks[index % 2 == 0 ? 0 : 2];

  confirmed_at = detected + (1 + index % 5) * DAY + between (demo, 0, 10 * HOUR);
  if (!(affected = add_affected (demo, incident, customer,
                                 confirmed ? DESK_EXPOSURE_CONFIRMED : DESK_EXPOSURE_POTENTIAL,
                                 mask, confirmed_at,
                                 confirmed ? NULL : "On the list of mailboxes the attacker may "
                                                    "have reached; log review in progress",
                                 error)))
    return FALSE;

  for (guint i = 0; i < n_accounts; i++)
    {
      g_autofree char *account = g_strdup_printf ("user%u@%s", 100 + index % 89 + i * 97, domain);
      /* A fifth mailbox, where there is one, is only potentially affected. */
      DeskExposure exposure = confirmed && i < 4 ? DESK_EXPOSURE_CONFIRMED
                                                 : DESK_EXPOSURE_POTENTIAL;

      if (!desk_store_add_account (demo->store, DESK_AFFECTED (affected), account, exposure,
                                   account_categories (mask, i), error))
        return FALSE;
    }

  if (!(notice = ledger_row (demo, affected, error)))
    return FALSE;

  if (!confirmed)
    return progress_notice (demo, notice, DESK_CHANNEL_ACCOUNT_MANAGER,
                            DESK_NOTIFICATION_STATUS_NOT_STARTED, 0, 0, NULL,
                            "Waiting for the log review before telling the customer", error);

  /* Another permutation spreads the ledger's progress over contracts and account managers. */
  rank = (index * 211) % MAIL_CONFIRMED;
  if (rank < MAIL_NOTIFIED)
    {
      const char *manager = desk_record_get_string (customer, "account-manager");
      guint band = (rank / 7) % 20;
      DeskChannel channel = band < 11 ? DESK_CHANNEL_ACCOUNT_MANAGER
                          : band < 18 ? DESK_CHANNEL_PORTAL
                          : band < 19 ? DESK_CHANNEL_EMAIL
                          : DESK_CHANNEL_PHONE;
      DeskNotificationStatus status = rank % 20 < 8 ? DESK_NOTIFICATION_STATUS_ACKNOWLEDGED
                                    : rank % 20 < 15 ? DESK_NOTIFICATION_STATUS_DELIVERED
                                    : DESK_NOTIFICATION_STATUS_SENT;
      gint64 sent_at = between (demo, demo->now - 3 * DAY, demo->now - HOUR);
      gint64 acknowledged_at = sent_at + between (demo, HOUR, 20 * HOUR);
      gboolean personal = channel == DESK_CHANNEL_ACCOUNT_MANAGER ||
                          channel == DESK_CHANNEL_PHONE;

      /* Replies take hours, and none has come from the future. */
      acknowledged_at = MIN (acknowledged_at, demo->now - 5 * 60);
      return progress_notice (demo, notice, channel, status, sent_at, acknowledged_at,
                              personal ? manager : "Customer support desk", NULL, error);
    }

  if (rank < MAIL_NOTIFIED + MAIL_IN_PREPARATION)
    return progress_notice (demo, notice, DESK_CHANNEL_ACCOUNT_MANAGER,
                            rank % 2 == 0 ? DESK_NOTIFICATION_STATUS_DRAFTED
                                          : DESK_NOTIFICATION_STATUS_APPROVED,
                            0, 0, desk_record_get_string (customer, "account-manager"), NULL,
                            error);

  if (rank < MAIL_NOTIFIED + MAIL_IN_PREPARATION + MAIL_BOUNCED)
    return progress_notice (demo, notice, DESK_CHANNEL_EMAIL, DESK_NOTIFICATION_STATUS_BOUNCED,
                            between (demo, demo->now - 2 * DAY, demo->now - HOUR), 0,
                            "Customer support desk",
                            "The registered contact address bounced; the account manager will "
                            "call instead", error);

  return save (demo, notice, error);
}

static gboolean
add_mail_breach (Demo    *demo,
                 GError **error)
{
  gint64 detected = demo->now - 9 * DAY - 5 * HOUR;
  gint64 disclosed = demo->now - 2 * DAY - 3 * HOUR;
  g_autoptr(DeskRecord) incident = DESK_RECORD (desk_incident_new (
    "Webmail intrusion at Example Mail Hosting"));
  g_autoptr(DeskRecord) credentials = NULL, contents = NULL, cloud = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) appi = NULL, telecom = NULL;
  gint64 masks[3];
  static const DeskItemStatus progress[] = {
    DESK_ITEM_STATUS_DONE, DESK_ITEM_STATUS_DONE, DESK_ITEM_STATUS_DONE,
    DESK_ITEM_STATUS_IN_PROGRESS, DESK_ITEM_STATUS_IN_PROGRESS, DESK_ITEM_STATUS_DONE,
    DESK_ITEM_STATUS_DONE, DESK_ITEM_STATUS_IN_PROGRESS, DESK_ITEM_STATUS_TODO,
    DESK_ITEM_STATUS_IN_PROGRESS, DESK_ITEM_STATUS_TODO, DESK_ITEM_STATUS_TODO,
    DESK_ITEM_STATUS_TODO,
  };

  desk_record_set_string (incident, "service", "Example Mail Hosting (hosted business mail)");
  desk_record_set_enum (incident, "status", DESK_INCIDENT_STATUS_INVESTIGATING);
  desk_record_set_enum (incident, "severity", DESK_SEVERITY_CRITICAL);
  desk_record_set_int (incident, "occurred-at", detected - 4 * DAY);
  desk_record_set_int (incident, "detected-at", detected);
  desk_record_set_int (incident, "disclosed-at", disclosed);
  desk_record_set_string (incident, "cause",
                          "Stack buffer overflow in a third-party webmail component");
  desk_record_set_string (incident, "vulnerability-refs", "JVN#00000000");
  desk_record_set_string (incident, "summary",
                          "An attacker exploited a flaw in the webmail component to reach mail "
                          "data and stored credentials. The published estimate is 4,072,650 "
                          "mailboxes potentially affected and 311,288 confirmed; customers are "
                          "told by their account managers and on the service portal.");
  desk_record_set_string (incident, "time-zone", "Asia/Tokyo");
  /* Known to be a breach once the attacker's sessions were traced to mail data. */
  desk_record_set_int (incident, "aware-at", detected + 7 * HOUR);
  if (!save (demo, incident, error) ||
      !announce (demo, incident, MAIL_ESTIMATED_POTENTIAL, 0, detected + 2 * DAY, error) ||
      !announce (demo, incident, MAIL_ESTIMATED_POTENTIAL, MAIL_ESTIMATED_CONFIRMED, disclosed,
                 error))
    return FALSE;

  if (!(credentials = add_category (demo, incident, "Account credentials", 0, &masks[0],
                                    error)) ||
      !(contents = add_category (demo, incident, "Mail contents and headers", 1, &masks[1],
                                 error)) ||
      !(cloud = add_category (demo, incident, "Linked cloud service credentials", 2, &masks[2],
                              error)))
    return FALSE;

  for (guint i = 0; i < MAIL_CONFIRMED + MAIL_POTENTIAL; i++)
    if (!mail_customer (demo, incident, i, masks, error))
      return FALSE;

  if (!add_notice (demo, incident, DESK_RECIPIENT_REGULATOR,
                   "Personal Information Protection Commission", DESK_CHANNEL_REGULATOR_FILING,
                   DESK_NOTIFICATION_STATUS_SENT, detected + 5 * DAY, detected + 3 * DAY + 2 * HOUR,
                   0, "Preliminary report; the final report is due within 60 days of detection",
                   error) ||
      /* Unauthorised access: 60 days for the APPI final report. Mail contents are secrecy of
       * communications, reported to the ministry as well. */
      !(appi = add_obligations (demo, incident, "appi", "unauthorised-access", error)) ||
      !file_stage (demo, appi, "preliminary", detected + 3 * DAY + 2 * HOUR, "PPC-2026-0415",
                   error) ||
      !(telecom = add_obligations (demo, incident, "jp-telecom", NULL, error)) ||
      !file_stage (demo, telecom, "first-report", detected + 9 * HOUR, "Phone call to the bureau",
                   error) ||
      !add_notice (demo, incident, DESK_RECIPIENT_PUBLIC,
                   "Press release and notice on the service portal", DESK_CHANNEL_PRESS_RELEASE,
                   DESK_NOTIFICATION_STATUS_SENT, 0, disclosed, 0, NULL, error))
    return FALSE;

  if (!(items = add_template_checklist (demo, incident, "credential-reset", error)))
    return FALSE;
  for (guint i = 0; i < MIN (items->len, G_N_ELEMENTS (progress)); i++)
    if (!set_item (demo, items, i, progress[i], detected, NULL, error))
      return FALSE;

  return add_event (demo, incident, detected,
                    "Unusual outbound traffic detected on webmail servers", "SOC", error) &&
         add_event (demo, incident, detected + 7 * HOUR,
                    "Webmail component isolated and attacker sessions terminated",
                    "Incident response team", error) &&
         add_event (demo, incident, detected + 2 * DAY,
                    "Vendor published a fixed version", "Incident response team", error) &&
         add_event (demo, incident, detected + 3 * DAY + 2 * HOUR,
                    "Preliminary report filed with the regulator", "Privacy Office", error) &&
         add_event (demo, incident, detected + 5 * DAY,
                    "Confirmed list of affected contracts handed to account managers",
                    "Incident response team", error) &&
         add_event (demo, incident, disclosed,
                    "Public announcement posted on the service portal", "Communications",
                    error);
}

/* }}} */
/* The telecom operator's partner-app cases {{{ */

typedef struct
{
  guint         number;
  gint64        detected_days_ago;
  guint         contracts;
  guint         call_records;   /* the case exposed call records of one contract */
  gboolean      open;
  DeskSeverity  severity;
  const char   *found;          /* how it came to light: the first event */
} TelecomCase;

/* Six cases over 18 months; the latest stays open while the app is withdrawn. */
static const TelecomCase telecom_cases[] = {
  { 1, 540, 2, 0, FALSE, DESK_SEVERITY_MEDIUM,
    "A customer saw another customer's plan details in the partner app" },
  { 2, 450, 5, 0, FALSE, DESK_SEVERITY_MEDIUM,
    "Partner reported a caching fault that mixed up customers' sessions" },
  { 3, 360, 1, 138, FALSE, DESK_SEVERITY_HIGH,
    "A business customer's call records appeared in another user's call history" },
  { 4, 270, 17, 0, FALSE, DESK_SEVERITY_MEDIUM,
    "Support chat in the partner app showed other customers' contract details" },
  { 5, 150, 40, 0, FALSE, DESK_SEVERITY_HIGH,
    "Customers reported invoices of other contracts in the partner app" },
  { 6, 25, 254, 0, TRUE, DESK_SEVERITY_HIGH,
    "Partner app's API returned other customers' contract details to signed-in users" },
};

static gboolean
add_telecom_case (Demo               *demo,
                  const TelecomCase  *spec,
                  GError            **error)
{
  gint64 detected = demo->now - spec->detected_days_ago * DAY + 10 * HOUR;
  gint64 closed = detected + 45 * DAY;
  gint64 guidance = detected + 10 * DAY;
  g_autofree char *title = g_strdup_printf ("Customer data exposed through partner app — case %u",
                                            spec->number);
  g_autofree char *summary = NULL;
  g_autoptr(DeskRecord) incident = DESK_RECORD (desk_incident_new (title));
  g_autoptr(DeskRecord) details = NULL, billing = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  gint64 details_mask = 0, billing_mask = 0;
  static const char * const texts[] = {
    "Cut the partner app's access to customer data",
    "App withdrawn until the fix is verified",
    "Verify the partner's fix with an independent test",
    "Report countermeasures to the regulator",
  };
  static const char * const owners[] = {
    "Partner Management", "Partner Management", "Security Engineer", "Privacy/Legal",
  };
  gint64 due_at[] = {
    detected + 4 * HOUR, detected + DAY, detected + 21 * DAY, guidance + 30 * DAY,
  };

  if (spec->call_records > 0)
    summary = g_strdup_printf ("%u call records (numbers, times and durations) of one business "
                               "contract were shown to another user of Example Telecom's "
                               "partner app.", spec->call_records);
  else
    summary = g_strdup_printf ("Details of %u business mobile contracts of Example Telecom were "
                               "shown to other users of a partner's customer app.",
                               spec->contracts);

  desk_record_set_string (incident, "service", "Example Telecom partner app");
  desk_record_set_enum (incident, "status", spec->open ? DESK_INCIDENT_STATUS_CONTAINED
                                                       : DESK_INCIDENT_STATUS_CLOSED);
  desk_record_set_enum (incident, "severity", spec->severity);
  desk_record_set_int (incident, "occurred-at", detected - 3 * DAY);
  desk_record_set_int (incident, "detected-at", detected);
  desk_record_set_int (incident, "disclosed-at", detected + 7 * DAY);
  desk_record_set_int (incident, "closed-at", spec->open ? 0 : closed);
  desk_record_set_string (incident, "cause",
                          spec->call_records > 0
                          ? "Access-control flaw in the partner app's call-history view"
                          : "Session handling flaw in a partner's customer app");
  desk_record_set_string (incident, "summary", summary);
  desk_record_set_string (incident, "time-zone", "Asia/Tokyo");
  if (!save (demo, incident, error))
    return FALSE;

  if (!(details = add_category (demo, incident,
                                spec->call_records > 0 ? "Call records"
                                                       : "Name, address and phone number",
                                0, &details_mask, error)))
    return FALSE;
  if (spec->contracts >= 40 &&
      !(billing = add_category (demo, incident, "Plan and billing details", 1, &billing_mask,
                                error)))
    return FALSE;

  for (guint i = 0; i < spec->contracts; i++)
    {
      guint number = TELECOM_FIRST_CONTRACT + demo->n_telecom++;
      g_autofree char *contract = g_strdup_printf ("TC-%05u", number);
      g_autofree char *domain = g_strdup_printf ("tc%05u.example.net", number);
      g_autoptr(DeskRecord) customer = NULL;
      g_autoptr(DeskRecord) affected = NULL;
      g_autoptr(DeskRecord) notice = NULL;
      /* About one in four of the larger cases' contracts also showed billing details. */
      gint64 mask = details_mask | (i % 4 == 1 ? billing_mask : 0);
      guint n_accounts = spec->call_records > 0 ? spec->call_records : 1 + i % 2;
      gint64 confirmed_at = detected + DAY + between (demo, 0, 2 * DAY);
      /* A few business contracts promise notice within 72 hours of confirmation. */
      gint64 notice_hours = i % 50 == 0 ? 72 : 0;
      DeskNotificationStatus status;
      gint64 sent_at, acknowledged_at;

      if (!(customer = add_customer (demo, contract, domain, notice_hours,
                                     DESK_NOTICE_BASIS_CONFIRMATION, error)) ||
          !(affected = add_affected (demo, incident, customer, DESK_EXPOSURE_CONFIRMED, mask,
                                     confirmed_at, NULL, error)))
        return FALSE;

      for (guint a = 0; a < n_accounts; a++)
        {
          g_autofree char *account = spec->call_records > 0
            ? g_strdup_printf ("call-record-%03u@%s", a + 1, domain)
            : g_strdup_printf ("line%u@%s", a + 1, domain);

          if (!desk_store_add_account (demo->store, DESK_AFFECTED (affected), account,
                                       DESK_EXPOSURE_CONFIRMED, mask, error))
            return FALSE;
        }

      /* Closed cases told everyone; in the open one, letters are still going out. */
      if (!spec->open || i < 120)
        status = DESK_NOTIFICATION_STATUS_ACKNOWLEDGED;
      else if (i < 171)
        status = DESK_NOTIFICATION_STATUS_DELIVERED;
      else if (i < 191)
        status = DESK_NOTIFICATION_STATUS_DRAFTED;
      else
        status = DESK_NOTIFICATION_STATUS_NOT_STARTED;

      sent_at = confirmed_at + between (demo, DAY, 4 * DAY);
      acknowledged_at = sent_at + between (demo, HOUR, 3 * DAY);
      if (!(notice = ledger_row (demo, affected, error)) ||
          !progress_notice (demo, notice, i % 3 == 0 ? DESK_CHANNEL_PHONE : DESK_CHANNEL_LETTER,
                            status, sent_at, MIN (acknowledged_at, demo->now - HOUR),
                            "Customer care", NULL, error))
        return FALSE;
    }

  if (!add_notice (demo, incident, DESK_RECIPIENT_REGULATOR,
                   "Ministry of Internal Affairs and Communications (regional bureau)",
                   DESK_CHANNEL_REGULATOR_FILING,
                   spec->open ? DESK_NOTIFICATION_STATUS_SENT
                              : DESK_NOTIFICATION_STATUS_ACKNOWLEDGED,
                   detected + 30 * DAY, detected + DAY, detected + 3 * DAY,
                   "First report by phone, detailed report on form 50-2", error))
    return FALSE;

  /* Secrecy of communications: a first report by phone, the detailed one within 30 days. */
  if (!(obligations = add_obligations (demo, incident, "jp-telecom", NULL, error)) ||
      !file_stage (demo, obligations, "first-report", detected + DAY, "Phone call to the bureau",
                   error) ||
      (!spec->open && !file_stage (demo, obligations, "detailed-report", detected + 20 * DAY,
                                   "Form 50-2", error)))
    return FALSE;

  if (!(items = add_custom_checklist (demo, incident, "Partner app remediation", 0, texts, owners,
                                      due_at, G_N_ELEMENTS (texts), error)))
    return FALSE;

  if (spec->open)
    {
      if (!set_item (demo, items, 0, DESK_ITEM_STATUS_DONE, detected, NULL, error) ||
          !set_item (demo, items, 1, DESK_ITEM_STATUS_IN_PROGRESS, detected,
                     "Stays withdrawn until the partner's fix passes our test", error) ||
          !add_event (demo, incident, detected, spec->found, "Customer care", error) ||
          !add_event (demo, incident, detected + DAY,
                      "Partner app withdrawn from the app stores", "Partner Management",
                      error) ||
          !add_event (demo, incident, guidance,
                      "Regulator issued written guidance; countermeasures report requested",
                      "Privacy Office", error))
        return FALSE;

      return TRUE;
    }

  for (guint i = 0; i < items->len; i++)
    if (!set_item (demo, items, i, DESK_ITEM_STATUS_DONE, detected, NULL, error))
      return FALSE;

  return add_event (demo, incident, detected, spec->found, "Customer care", error) &&
         add_event (demo, incident, detected + 4 * HOUR,
                    "Partner app's access to customer data suspended", "Partner Management",
                    error) &&
         add_event (demo, incident, detected + 30 * DAY,
                    "Partner's fix verified; app restored", "Security Engineer", error) &&
         add_event (demo, incident, closed, "Case closed", "Privacy Office", error);
}

/* }}} */
/* The manufacturer's directory server {{{ */

static gboolean
add_directory_intrusion (Demo    *demo,
                         GError **error)
{
  gint64 detected = demo->now - 40 * DAY + 2 * HOUR;
  g_autoptr(DeskRecord) incident = DESK_RECORD (desk_incident_new (
    "Directory server intrusion at Example Precision Industries"));
  g_autoptr(GPtrArray) mfa = NULL, asm_items = NULL, patching = NULL, recovery = NULL;
  g_autoptr(GPtrArray) appi = NULL;
  static const char * const texts[] = {
    "Reset every directory password",
    "Rebuild the breached server from a clean image and patch it",
    "Reset the directory's ticket-granting key twice",
    "Review the membership of every directory admin group",
  };
  static const char * const owners[] = {
    "IAM Lead", "IT Ops", "IAM Lead", "IAM Lead",
  };
  gint64 due_at[] = {
    detected + 2 * DAY, detected + 5 * DAY, detected + 3 * DAY, detected + 14 * DAY,
  };
  /* Items not listed stay "todo", and those due within 40 days of detection are overdue. */
  static const struct { guint index; DeskItemStatus status; } mfa_progress[] = {
    { 0, DESK_ITEM_STATUS_DONE }, { 1, DESK_ITEM_STATUS_DONE }, { 2, DESK_ITEM_STATUS_DONE },
    { 3, DESK_ITEM_STATUS_IN_PROGRESS }, { 4, DESK_ITEM_STATUS_DONE },
    { 8, DESK_ITEM_STATUS_IN_PROGRESS }, { 12, DESK_ITEM_STATUS_DONE },
  }, asm_progress[] = {
    { 0, DESK_ITEM_STATUS_DONE }, { 1, DESK_ITEM_STATUS_DONE }, { 2, DESK_ITEM_STATUS_DONE },
    { 3, DESK_ITEM_STATUS_DONE }, { 4, DESK_ITEM_STATUS_IN_PROGRESS },
    { 5, DESK_ITEM_STATUS_IN_PROGRESS }, { 7, DESK_ITEM_STATUS_BLOCKED },
  }, patching_progress[] = {
    { 0, DESK_ITEM_STATUS_IN_PROGRESS }, { 1, DESK_ITEM_STATUS_DONE },
    { 4, DESK_ITEM_STATUS_DONE }, { 5, DESK_ITEM_STATUS_DONE }, { 6, DESK_ITEM_STATUS_DONE },
    { 7, DESK_ITEM_STATUS_IN_PROGRESS }, { 10, DESK_ITEM_STATUS_DONE },
  };

  desk_record_set_string (incident, "service", "Corporate directory");
  desk_record_set_enum (incident, "status", DESK_INCIDENT_STATUS_CONTAINED);
  desk_record_set_enum (incident, "severity", DESK_SEVERITY_HIGH);
  desk_record_set_int (incident, "occurred-at", detected - 6 * DAY);
  desk_record_set_int (incident, "detected-at", detected);
  desk_record_set_int (incident, "disclosed-at", detected + 12 * DAY);
  desk_record_set_string (incident, "cause",
                          "Known vulnerability in an internet-facing server that had not been "
                          "patched; the attacker moved from it to the directory server");
  desk_record_set_string (incident, "vulnerability-refs", "EXSA-0000-001");
  desk_record_set_string (incident, "summary",
                          "An attacker entered through an unpatched server and reached the "
                          "directory server. Every password was reset, attack-surface management "
                          "introduced, the MFA rollout accelerated and the directory server's "
                          "monitoring strengthened.");
  desk_record_set_string (incident, "time-zone", "Asia/Tokyo");
  if (!save (demo, incident, error))
    return FALSE;

  if (!(mfa = add_template_checklist (demo, incident, "mfa-rollout", error)) ||
      !(asm_items = add_template_checklist (demo, incident, "attack-surface-management", error)) ||
      !(patching = add_template_checklist (demo, incident, "patching", error)) ||
      !(recovery = add_custom_checklist (demo, incident, "Directory recovery", 3, texts, owners,
                                         due_at, G_N_ELEMENTS (texts), error)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (mfa_progress); i++)
    if (!set_item (demo, mfa, mfa_progress[i].index, mfa_progress[i].status, detected, NULL,
                   error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (asm_progress); i++)
    if (!set_item (demo, asm_items, asm_progress[i].index, asm_progress[i].status, detected,
                   asm_progress[i].status == DESK_ITEM_STATUS_BLOCKED
                   ? "Waiting for the network team's change window" : NULL, error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (patching_progress); i++)
    if (!set_item (demo, patching, patching_progress[i].index, patching_progress[i].status,
                   detected, NULL, error))
      return FALSE;
  for (guint i = 0; i < 3; i++)
    if (!set_item (demo, recovery, i, DESK_ITEM_STATUS_DONE, detected, NULL, error))
      return FALSE;
  if (!set_item (demo, recovery, 3, DESK_ITEM_STATUS_IN_PROGRESS, detected, NULL, error))
    return FALSE;

  /* Employees' directory data reached by an attacker: the APPI's 60 days; the employees were
   * told when the incident was disclosed. */
  if (!(appi = add_obligations (demo, incident, "appi", "unauthorised-access", error)) ||
      !file_stage (demo, appi, "preliminary", detected + 4 * DAY, "PPC-2026-0302", error) ||
      !file_stage (demo, appi, "individuals", detected + 12 * DAY, "Intranet notice", error))
    return FALSE;

  return add_notice (demo, incident, DESK_RECIPIENT_REGULATOR,
                     "Personal Information Protection Commission", DESK_CHANNEL_REGULATOR_FILING,
                     DESK_NOTIFICATION_STATUS_ACKNOWLEDGED, detected + 5 * DAY,
                     detected + 4 * DAY, detected + 6 * DAY,
                     "Employee directory data; preliminary report", error) &&
         add_event (demo, incident, detected,
                    "Suspicious sign-ins to the directory server detected", "SOC", error) &&
         add_event (demo, incident, detected + DAY,
                    "Entry through an unpatched internet-facing server confirmed",
                    "Incident response team", error) &&
         add_event (demo, incident, detected + 2 * DAY, "Every directory password reset",
                    "IAM Lead", error) &&
         add_event (demo, incident, detected + 10 * DAY, "Attack-surface management introduced",
                    "CISO", error) &&
         add_event (demo, incident, detected + 12 * DAY, "MFA rollout accelerated to all staff",
                    "CISO", error) &&
         add_event (demo, incident, detected + 15 * DAY,
                    "Monitoring of the directory server strengthened", "SOC", error);
}

/* }}} */
/* Public API {{{ */

/* The demo's contracts exist already if its first ones do: adding it again would collide. */
static gboolean
check_not_populated (Demo    *demo,
                     GError **error)
{
  g_autoptr(GPtrArray) customers = desk_store_list (demo->store, DESK_TYPE_CUSTOMER, NULL, 0,
                                                    error);
  g_autofree char *mail = g_strdup_printf ("MH-%05u", MAIL_FIRST_CONTRACT);
  g_autofree char *telecom = g_strdup_printf ("TC-%05u", TELECOM_FIRST_CONTRACT);

  if (customers == NULL)
    return FALSE;

  for (guint i = 0; i < customers->len; i++)
    {
      const char *contract = desk_record_get_string (g_ptr_array_index (customers, i),
                                                     "contract-id");

      if (g_str_equal (contract, mail) || g_str_equal (contract, telecom))
        {
          g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE,
                       _("This database already holds the demo data (customer contract %s); "
                         "use a new database to add it again"), contract);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * desk_demo_populate:
 * @store: the store to fill
 *
 * Adds sample incidents: a hosted mail breach (586 confirmed contracts in three overlapping
 * categories, a notification ledger under way, a credential-reset checklist), a telecom
 * operator's six partner-app leaks over 18 months (one still open) and a manufacturer's directory
 * server intrusion (three checklists from templates, some items overdue). Times are relative to
 * desk_store_now().
 *
 * Everything is written in one transaction. A database that already holds the demo is refused
 * with %DESK_STORE_ERROR_DUPLICATE and left as it was.
 *
 * Returns: %TRUE if the demo was added
 */
gboolean
desk_demo_populate (DeskStore  *store,
                    GError    **error)
{
  DeskDatabase *database;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GError) local_error = NULL;
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if (!(templates = desk_template_load_builtin (error)))
    return FALSE;

  rand = g_rand_new_with_seed (20260414);
  demo.store = store;
  demo.templates = templates;
  demo.rand = rand;
  /* Whole minutes read better in the window than the second the demo was made. */
  demo.now = desk_store_now (store) / 60 * 60;

  database = desk_store_get_database (store);
  if (!desk_database_begin (database, error))
    return FALSE;

  ok = check_not_populated (&demo, &local_error) && add_mail_breach (&demo, &local_error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (telecom_cases); i++)
    ok = add_telecom_case (&demo, &telecom_cases[i], &local_error);
  ok = ok && add_directory_intrusion (&demo, &local_error);

  if (!ok || !desk_database_commit (database, &local_error))
    {
      desk_database_rollback (database);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* }}} */
