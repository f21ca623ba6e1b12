#!/usr/bin/env bash
# Starts (or stops) a Spark standalone master and worker on 127.0.0.1 from the project's Maven jars,
# for trying spark-submit by hand. The tests use the same recipe (jobs/src/test/.../StandaloneCluster.java).
#   bench/local-cluster.sh start   -> prints the master URL
#   bench/local-cluster.sh stop
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
state="${REFORM_INDEX_CLUSTER_DIR:-/tmp/reform-index-local-cluster}"
case "${1:-}" in
  start)
    [ -f "$here/jobs/target/classpath.txt" ] || (cd "$here" && mvn -q -B -DskipTests package)
    mkdir -p "$state/spark-home/jars" "$state/spark-home/conf" "$state/work"
    tr ':' '\n' < "$here/jobs/target/classpath.txt" | grep '\.jar$' | while read -r j; do
      ln -sf "$j" "$state/spark-home/jars/$(basename "$j")"; done
    export SPARK_HOME="$state/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
    opts=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
          --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED -Xmx512m)
    cp="$(cat "$here/jobs/target/classpath.txt")"
    java "${opts[@]}" -Dspark.master.rest.enabled=false -cp "$cp" org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port 7077 --webui-port 8080 > "$state/master.log" 2>&1 &
    echo $! > "$state/master.pid"
    sleep 3
    java "${opts[@]}" -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 2 --memory 4g \
      --webui-port 8081 --work-dir "$state/work" spark://127.0.0.1:7077 > "$state/worker.log" 2>&1 &
    echo $! > "$state/worker.pid"
    echo "master: spark://127.0.0.1:7077 (logs in $state)"
    echo "submit: java <Spark JVM options> -cp \"\$(cat jobs/target/classpath.txt)\" org.apache.spark.deploy.SparkSubmit \\"
    echo "          --master spark://127.0.0.1:7077 --class vn.reformindex.cli.Main jobs/target/reform-index-jobs-cluster.jar run ..."
    echo "        with SPARK_HOME=$state/spark-home SPARK_SCALA_VERSION=2.13"
    ;;
  stop)
    for p in worker master; do
      if [ -f "$state/$p.pid" ]; then
        pid="$(cat "$state/$p.pid")"
        pkill -9 -P "$pid" 2>/dev/null || true   # executors launched by the worker
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$state/$p.pid"
      fi
    done
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
