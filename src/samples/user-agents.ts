// User agents as the SDKs and tools send them (versions current for late 2026 in spirit).

export const USER_AGENTS = {
  ci: [
    'aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0-1017-azure md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off md/command#cloudformation.deploy',
    'aws-sdk-js/3.693.0 ua/2.1 os/linux#6.8.0-1017-azure lang/js md/nodejs#20.18.0 api/sts#3.693.0 m/E,e',
  ],
  lambdaNode: [
    'aws-sdk-js/3.692.0 ua/2.1 os/linux#5.10.227-239.884.amzn2.x86_64 lang/js md/nodejs#20.18.0 api/kms#3.692.0 exec-env/AWS_Lambda_nodejs20.x m/E',
    'aws-sdk-js/3.692.0 ua/2.1 os/linux#5.10.227-239.884.amzn2.x86_64 lang/js md/nodejs#20.18.0 api/dynamodb#3.692.0 exec-env/AWS_Lambda_nodejs20.x m/E,d',
  ],
  boto3: [
    'Boto3/1.35.60 md/Botocore#1.35.60 ua/2.0 os/linux#6.1.115-126.197.amzn2023.x86_64 md/arch#x86_64 lang/python#3.11.10 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.60',
  ],
  console: [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0',
    'AWS Internal',
  ],
  cli: [
    'aws-cli/2.21.3 md/awscrt#0.22.0 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off md/command#s3.ls',
    'aws-cli/2.21.3 md/awscrt#0.22.0 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off md/command#iam.list-roles',
  ],
  java: ['aws-sdk-java/2.29.15 Linux/5.15.0-1072-aws OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5 vendor/Eclipse_Adoptium io/sync http/Apache cfg/retry-mode/legacy'],
  terraform: [
    'APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.76.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.4 ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.187.0',
  ],
  // the intrusion story: the AWS CLI on a Kali Linux host, and boto3 as enumeration frameworks use it
  intruder: [
    'aws-cli/2.15.30 Python/3.11.8 Linux/6.6.9-amd64 exe/x86_64.kali.2024 prompt/off command/iam.list-users',
    'Boto3/1.34.20 md/Botocore#1.34.20 ua/2.0 os/linux#6.6.9-amd64 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.20',
  ],
  sprayer: ['Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'],
  s3Console: ['[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.750 Linux/5.10.228-198.877.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.432-b08 java/1.8.0_432 vendor/Oracle_Corporation cfg/retry-mode/standard]'],
} as const;
