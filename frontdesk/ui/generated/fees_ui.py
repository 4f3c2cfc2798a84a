# Generated from forms/fees.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout, QWidget

class Ui_FeesScreen(object):
    def setupUi(self, FeesScreen):
        if not FeesScreen.objectName():
            FeesScreen.setObjectName(u"FeesScreen")
        FeesScreen.resize(1100, 760)
        self.feesLayout = QVBoxLayout(FeesScreen)
        self.feesLayout.setObjectName(u"feesLayout")
        self.feesHint = QLabel(FeesScreen)
        self.feesHint.setObjectName(u"feesHint")
        self.feesHint.setWordWrap(True)

        self.feesLayout.addWidget(self.feesHint)

        self.versionLayout = QHBoxLayout()
        self.versionLayout.setObjectName(u"versionLayout")
        self.versionLabel = QLabel(FeesScreen)
        self.versionLabel.setObjectName(u"versionLabel")

        self.versionLayout.addWidget(self.versionLabel)

        self.versionCombo = QComboBox(FeesScreen)
        self.versionCombo.setObjectName(u"versionCombo")
        self.versionCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.versionCombo.setMinimumContentsLength(24)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.versionCombo.sizePolicy().hasHeightForWidth())
        self.versionCombo.setSizePolicy(sizePolicy)

        self.versionLayout.addWidget(self.versionCombo)

        self.newVersionButton = QPushButton(FeesScreen)
        self.newVersionButton.setObjectName(u"newVersionButton")

        self.versionLayout.addWidget(self.newVersionButton)

        self.importButton = QPushButton(FeesScreen)
        self.importButton.setObjectName(u"importButton")

        self.versionLayout.addWidget(self.importButton)

        self.exportButton = QPushButton(FeesScreen)
        self.exportButton.setObjectName(u"exportButton")

        self.versionLayout.addWidget(self.exportButton)


        self.feesLayout.addLayout(self.versionLayout)

        self.linesTable = QTableWidget(FeesScreen)
        self.linesTable.setObjectName(u"linesTable")
        self.linesTable.setAlternatingRowColors(True)

        self.feesLayout.addWidget(self.linesTable)

        self.feesButtons = QHBoxLayout()
        self.feesButtons.setObjectName(u"feesButtons")
        self.addRowButton = QPushButton(FeesScreen)
        self.addRowButton.setObjectName(u"addRowButton")

        self.feesButtons.addWidget(self.addRowButton)

        self.removeRowButton = QPushButton(FeesScreen)
        self.removeRowButton.setObjectName(u"removeRowButton")

        self.feesButtons.addWidget(self.removeRowButton)

        self.feesSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.feesButtons.addItem(self.feesSpacer)

        self.saveButton = QPushButton(FeesScreen)
        self.saveButton.setObjectName(u"saveButton")

        self.feesButtons.addWidget(self.saveButton)


        self.feesLayout.addLayout(self.feesButtons)

        self.messageLabel = QLabel(FeesScreen)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.feesLayout.addWidget(self.messageLabel)

#if QT_CONFIG(shortcut)
        self.versionLabel.setBuddy(self.versionCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.versionCombo, self.newVersionButton)
        QWidget.setTabOrder(self.newVersionButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.linesTable)
        QWidget.setTabOrder(self.linesTable, self.addRowButton)
        QWidget.setTabOrder(self.addRowButton, self.removeRowButton)
        QWidget.setTabOrder(self.removeRowButton, self.saveButton)

        self.retranslateUi(FeesScreen)
    # setupUi

    def retranslateUi(self, FeesScreen):
        self.feesHint.setText(QCoreApplication.translate("FeesScreen", u"Out-of-warranty work is charged by the schedule in force on the ticket's intake day, or by the customer's warranty card where it is cheaper. Only a manager changes schedules.", None))
        self.versionLabel.setText(QCoreApplication.translate("FeesScreen", u"&Version", None))
        self.newVersionButton.setText(QCoreApplication.translate("FeesScreen", u"&New version from this one\u2026", None))
        self.importButton.setText(QCoreApplication.translate("FeesScreen", u"&Import workbook\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("FeesScreen", u"E&xport workbook\u2026", None))
        self.addRowButton.setText(QCoreApplication.translate("FeesScreen", u"Add a line", None))
        self.removeRowButton.setText(QCoreApplication.translate("FeesScreen", u"Remove the line", None))
        self.saveButton.setText(QCoreApplication.translate("FeesScreen", u"&Save the version", None))
        pass
    # retranslateUi

