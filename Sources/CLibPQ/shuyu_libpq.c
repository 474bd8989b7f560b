#include "shuyu_libpq.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

typedef void (*NoticeProcessor)(void *arg, const char *message);

static struct {
    PGconn *(*connectdb)(const char *);
    int (*status)(const PGconn *);
    char *(*errorMessage)(const PGconn *);
    void (*finish)(PGconn *);
    NoticeProcessor (*setNoticeProcessor)(PGconn *, NoticeProcessor, void *);
    int (*sslInUse)(PGconn *);
    PGresult *(*exec)(PGconn *, const char *);
    PGresult *(*execParams)(PGconn *, const char *, int, const Oid *, const char *const *, const int *, const int *, int);
    void (*clear)(PGresult *);
    int (*resultStatus)(const PGresult *);
    char *(*resultErrorField)(const PGresult *, int);
    char *(*resultErrorMessage)(const PGresult *);
    int (*putCopyData)(PGconn *, const char *, int);
    int (*putCopyEnd)(PGconn *, const char *);
    PGresult *(*getResult)(PGconn *);
    int (*ntuples)(const PGresult *);
    int (*getisnull)(const PGresult *, int, int);
    int (*getlength)(const PGresult *, int, int);
    char *(*getvalue)(const PGresult *, int, int);
} pq;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char load_error[512];
static int loaded;

static void load(void) {
    void *library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(load_error, sizeof load_error,
                 "PostgreSQL's client library is not installed (%s); install it with 'apt-get install libpq5'", dlerror());
        return;
    }
#define BIND(field, name)                                                                 \
    do {                                                                                  \
        *(void **)(&pq.field) = dlsym(library, name);                                     \
        if (!pq.field) {                                                                  \
            snprintf(load_error, sizeof load_error, "libpq.so.5 has no %s; it is too old", name); \
            return;                                                               \
        }                                                                                 \
    } while (0)
    BIND(connectdb, "PQconnectdb");
    BIND(status, "PQstatus");
    BIND(errorMessage, "PQerrorMessage");
    BIND(finish, "PQfinish");
    BIND(setNoticeProcessor, "PQsetNoticeProcessor");
    BIND(sslInUse, "PQsslInUse");
    BIND(exec, "PQexec");
    BIND(execParams, "PQexecParams");
    BIND(clear, "PQclear");
    BIND(resultStatus, "PQresultStatus");
    BIND(resultErrorField, "PQresultErrorField");
    BIND(resultErrorMessage, "PQresultErrorMessage");
    BIND(putCopyData, "PQputCopyData");
    BIND(putCopyEnd, "PQputCopyEnd");
    BIND(getResult, "PQgetResult");
    BIND(ntuples, "PQntuples");
    BIND(getisnull, "PQgetisnull");
    BIND(getlength, "PQgetlength");
    BIND(getvalue, "PQgetvalue");
#undef BIND
    loaded = 1;
}

int shuyu_pq_load(char *error, size_t size) {
    pthread_once(&once, load);
    if (loaded) return 0;
    snprintf(error, size, "%s", load_error);
    return -1;
}

static void ignore(void *arg, const char *message) {
    (void)arg;
    (void)message;
}

PGconn *shuyu_PQconnectdb(const char *conninfo) { return pq.connectdb(conninfo); }
int shuyu_PQstatus(const PGconn *conn) { return pq.status(conn); }
char *shuyu_PQerrorMessage(const PGconn *conn) { return pq.errorMessage(conn); }
void shuyu_PQfinish(PGconn *conn) { pq.finish(conn); }
void shuyu_PQignoreNotices(PGconn *conn) { pq.setNoticeProcessor(conn, ignore, NULL); }
int shuyu_PQsslInUse(PGconn *conn) { return pq.sslInUse(conn); }
PGresult *shuyu_PQexec(PGconn *conn, const char *query) { return pq.exec(conn, query); }
PGresult *shuyu_PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                             const char *const *paramValues, const int *paramLengths, const int *paramFormats,
                             int resultFormat) {
    return pq.execParams(conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat);
}
void shuyu_PQclear(PGresult *res) { pq.clear(res); }
int shuyu_PQresultStatus(const PGresult *res) { return pq.resultStatus(res); }
char *shuyu_PQresultErrorField(const PGresult *res, int fieldcode) { return pq.resultErrorField(res, fieldcode); }
char *shuyu_PQresultErrorMessage(const PGresult *res) { return pq.resultErrorMessage(res); }
int shuyu_PQputCopyData(PGconn *conn, const char *buffer, int nbytes) { return pq.putCopyData(conn, buffer, nbytes); }
int shuyu_PQputCopyEnd(PGconn *conn, const char *errormsg) { return pq.putCopyEnd(conn, errormsg); }
PGresult *shuyu_PQgetResult(PGconn *conn) { return pq.getResult(conn); }
int shuyu_PQntuples(const PGresult *res) { return pq.ntuples(res); }
int shuyu_PQgetisnull(const PGresult *res, int tup_num, int field_num) { return pq.getisnull(res, tup_num, field_num); }
int shuyu_PQgetlength(const PGresult *res, int tup_num, int field_num) { return pq.getlength(res, tup_num, field_num); }
char *shuyu_PQgetvalue(const PGresult *res, int tup_num, int field_num) { return pq.getvalue(res, tup_num, field_num); }
