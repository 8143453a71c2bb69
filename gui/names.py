"""The application's names, Qt-free so that start-up can load the report core before Qt."""
ORGANIZATION = "nianbao"
APPLICATION = "nianbao"
APP_TITLE = "年报编辑器"
