#!/usr/bin/env bash
# The classic results, one command each. Writes charts to docs/img/ (run from the repository root).
# Usage: bash examples/scenarios.sh [path/to/runcost]
set -euo pipefail
runcost=${1:-.build/release/runcost}
[ -x "$runcost" ] || { swift build -c release --product runcost >/dev/null; runcost=.build/release/runcost; }
mkdir -p docs/img
api=(--offering aws-lambda-arm --offering gcp-cloud-run-request --offering aws-fargate-arm --offering aws-ec2-t3.small)
batch=(--offering aws-lambda-arm --offering gcp-cloud-run-jobs --offering aws-fargate-arm --offering aws-ec2-m5.large)

echo "== 1. Request volume for an API: pay-per-use below the break-even, provisioned above"
"$runcost" breakeven examples/api.yaml --vary requests --from 100k --to 10B "${api[@]}"
"$runcost" breakeven examples/api.yaml --vary requests --from 100k --to 10B "${api[@]}" --format svg -o docs/img/api-requests.svg

echo "== 2. Duration of a batch job up to one hour: jobs (Fargate tasks, Cloud Run jobs, per-job VMs) vs FaaS, which stops at its limit"
"$runcost" breakeven examples/long-task.yaml --vary duration --from 10s --to 1h "${batch[@]}"
"$runcost" breakeven examples/long-task.yaml --vary duration --from 10s --to 1h "${batch[@]}" --format svg -o docs/img/long-task-duration.svg

echo "== 3. Steady vs bursty traffic at the same monthly volume: idle capacity"
"$runcost" compare examples/api.yaml --traffic constant --fixed-fleet "${api[@]}"
"$runcost" compare examples/api.yaml --traffic bursty --peak-to-average 20 --fixed-fleet "${api[@]}"
"$runcost" sweep examples/api.yaml --traffic bursty --fixed-fleet --vary peak-to-average --from 1 --to 20 --points 8 "${api[@]}"
"$runcost" sweep examples/api.yaml --traffic bursty --fixed-fleet --vary peak-to-average --from 1 --to 20 "${api[@]}" --format svg -o docs/img/api-burstiness.svg

echo "== 4. Memory for a function"
"$runcost" sweep examples/image-resize.yaml --vary memory --from 128MB --to 10GB --points 8 --kind serverless
"$runcost" sweep examples/image-resize.yaml --vary memory --from 128MB --to 10GB --kind serverless --format svg -o docs/img/resize-memory.svg

echo "== 6. What zero cold starts costs on each platform"
warm=(--offering aws-lambda-arm --offering aws-lambda-managed-m7g.xlarge --offering azure-functions-consumption
      --offering azure-functions-flex --offering azure-functions-premium-ep1 --offering gcp-cloud-run-request
      --offering gcp-cloud-run-functions --offering azure-container-apps --offering ibm-code-engine-app --offering aws-fargate-arm)
"$runcost" compare examples/login-api.yaml "${warm[@]}"
"$runcost" compare examples/login-api.yaml --max-cold-start-rate 0 "${warm[@]}"
"$runcost" breakeven examples/login-api.yaml --vary max-cold-start-rate --from 0 --to 0.5% --offering aws-lambda-arm \
    --offering gcp-cloud-run-request --offering azure-functions-consumption --offering aws-fargate-arm

echo "== 7. The front door can cost more than the function (each offering's own front door and data out)"
front=(--offering aws-lambda-arm --offering aws-fargate-arm)
"$runcost" compare examples/front-door-api.yaml "${front[@]}" --offering gcp-cloud-run-request --offering azure-functions-consumption
"$runcost" explain aws-lambda-arm examples/front-door-api.yaml
"$runcost" breakeven examples/front-door-api.yaml --vary requests --from 1M --to 1B "${front[@]}" --scope compute
"$runcost" breakeven examples/front-door-api.yaml --vary requests --from 1M --to 1B "${front[@]}"
"$runcost" breakeven examples/front-door-api.yaml --vary requests --from 1M --to 1B "${front[@]}" --front-door function-url

echo "== 8. A serverless database: the data service alone, serverless against provisioned"
"$runcost" compare examples/serverless-db.yaml --scope data --data-service aws-aurora-serverless-v2,aws-aurora-serverless-v2-auto-pause,aws-rds-postgres-t4g-micro,aws-rds-postgres-t4g-small,aws-rds-postgres-t4g-medium,aws-dynamodb-on-demand,aws-dynamodb-provisioned
"$runcost" breakeven examples/serverless-db.yaml --scope data --data-service aws-aurora-serverless-v2,aws-aurora-serverless-v2-auto-pause,aws-rds-postgres-t4g-medium --vary requests --from 100k --to 1B --all-pairs
"$runcost" breakeven examples/serverless-db.yaml --scope data --data-service aws-dynamodb-on-demand,aws-dynamodb-provisioned --vary requests --from 100k --to 1B
"$runcost" breakeven examples/serverless-db.yaml --scope data --data-service azure-cosmos-db-serverless,azure-cosmos-db-provisioned --vary requests --from 100k --to 1B
